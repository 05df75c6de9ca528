package dev.llmrouter.translate.ir;

/** What a request needs from a response to reuse it (lingua's {@code ResponseRequirement}). */
public enum ResponseRequirement {
  /** Any complete response. */
  ANY,
  /** A complete response whose content is JSON. */
  JSON
}
