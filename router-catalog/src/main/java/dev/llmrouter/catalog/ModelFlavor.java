package dev.llmrouter.catalog;

import java.util.Optional;

/** What kind of endpoint a catalog model is for. */
public enum ModelFlavor {
  CHAT("chat"),
  COMPLETION("completion"),
  EMBEDDING("embedding"),
  /** A model that only the OpenAI Responses API serves. */
  RESPONSES("responses");

  private final String id;

  ModelFlavor(String id) {
    this.id = id;
  }

  /** The catalog spelling. */
  public String id() {
    return id;
  }

  /** The flavor with this exact catalog spelling, if any. */
  public static Optional<ModelFlavor> fromId(String id) {
    for (ModelFlavor f : values()) {
      if (f.id.equals(id)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
