package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * A reasoning signature in a stream delta: one string or a list of strings (lingua's
 * {@code UniversalReasoningSignature}).
 *
 * @param values the signature(s)
 * @param single whether it is written as one string (else as an array)
 */
public record ReasoningSignature(List<String> values, boolean single) {

  /** Copies the values; a single signature has exactly one value. */
  public ReasoningSignature {
    values = List.copyOf(values);
    if (single && values.size() != 1) {
      throw new IllegalArgumentException("a single signature has exactly one value");
    }
  }

  /** One signature string. */
  public static ReasoningSignature of(String value) {
    return new ReasoningSignature(List.of(value), true);
  }

  /** Lingua's {@code from_values}: none for an empty list, single for one value, else multiple. */
  public static Optional<ReasoningSignature> fromValues(List<String> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ReasoningSignature(values, values.size() == 1));
  }

  /** The first signature. */
  public Optional<String> first() {
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A string, or an array of strings. */
  public JsonValue toJson() {
    return single ? JsonString.of(values.get(0)) : JsonArray.ofStrings(values);
  }
}
