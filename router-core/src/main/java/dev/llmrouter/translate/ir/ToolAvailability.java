package dev.llmrouter.translate.ir;

/** Whether a tool is in the active set immediately or only after discovery (Responses {@code defer_loading}). */
public enum ToolAvailability {
  /** Included in the active tool set (the default). */
  IMMEDIATE,
  /** Defined but loaded only after dynamic discovery. */
  DEFERRED;

  /** The snake_case name. */
  public String wire() {
    return this == IMMEDIATE ? "immediate" : "deferred";
  }
}
