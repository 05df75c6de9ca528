/**
 * The universal intermediate representation (IR) of the translation layer, a port of lingua's
 * {@code crates/lingua/src/universal}: role-tagged {@link dev.llmrouter.translate.ir.Message messages} made of
 * typed {@link dev.llmrouter.translate.ir.Part parts}, canonical request
 * {@link dev.llmrouter.translate.ir.UniversalParams parameters} with per-format extras, responses, usage with
 * an explicit cache accounting model, stream chunks, and the format-independent conversion helpers (tool
 * choice, response format and schema normalization, reasoning effort/budget heuristics, finish reasons,
 * usage tables, message flattening and system extraction).
 *
 * <p>Conventions: every value is immutable; optional fields are {@code Optional} record components (a
 * {@code null} passed to a constructor is read as empty); lists are copied with {@code List.copyOf}; opaque
 * JSON (schemas, provider options, extras, tool arguments, metadata) is held as {@link
 * dev.llmrouter.json.JsonValue} trees. Invalid client input raises {@link
 * dev.llmrouter.error.TranslationException} naming the field; misuse of the IR API by codec code raises
 * {@link IllegalArgumentException}.
 */
package dev.llmrouter.translate.ir;
