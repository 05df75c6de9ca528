package dev.llmrouter.translate.ir;

import java.util.Optional;

/** The service tier a provider reports having served a response on (lingua's {@code ServedServiceTier}). */
public enum ServedServiceTier {
  /** auto */
  AUTO("auto"),
  /** default */
  DEFAULT("default"),
  /** fast */
  FAST("fast"),
  /** flex */
  FLEX("flex"),
  /** priority */
  PRIORITY("priority"),
  /** scale */
  SCALE("scale"),
  /** on_demand */
  ON_DEMAND("on_demand"),
  /** standard */
  STANDARD("standard"),
  /** standard_only */
  STANDARD_ONLY("standard_only"),
  /** batch */
  BATCH("batch"),
  /** reserved */
  RESERVED("reserved"),
  /** unspecified */
  UNSPECIFIED("unspecified");

  private final String wire;

  ServedServiceTier(String wire) {
    this.wire = wire;
  }

  /** The snake_case name. */
  public String wire() {
    return wire;
  }

  /** Parses the snake_case name (exact). */
  public static Optional<ServedServiceTier> fromWire(String s) {
    for (ServedServiceTier t : values()) {
      if (t.wire.equals(s)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wire;
  }
}
