/**
 * The translation layer's entry points: request shape scanning and format detection by discriminating
 * keys ({@link dev.llmrouter.translate.RequestShape}), model-gated rules, and request/response transforms.
 * For now same-format traffic passes through and cross-format traffic is refused with a clear error.
 */
package dev.llmrouter.translate;
