/**
 * Stateful stream translation (lingua's processing/stream.rs): {@link
 * dev.llmrouter.translate.stream.TranslatingStreamSession} turns a provider's raw stream events into the
 * client's format, enforcing the target protocol (Anthropic framing, the Responses item lifecycle, Chat tool
 * indexes) across events.
 */
package dev.llmrouter.translate.stream;
