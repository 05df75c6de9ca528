package dev.llmrouter.retry.signals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmrouter.json.Json;
import java.io.IOException;
import java.util.Set;

/**
 * Reads what a provider's error body says about retrying, whatever the HTTP status: overloaded or rate
 * limited (try again later) versus out of quota (waiting will not help). A cheap bounded scan with
 * jackson-core streaming: only the first {@value #MAX_SCANNED_BYTES} bytes, only string members named
 * {@code type}, {@code code}, {@code status} or {@code __type}, nothing kept.
 *
 * <p>Recognised: Anthropic {@code overloaded_error} and {@code rate_limit_error}; OpenAI
 * {@code rate_limit_exceeded}, {@code server_is_overloaded}, {@code slow_down} (and
 * {@code insufficient_quota}, which is never retryable); Gemini / Vertex {@code RESOURCE_EXHAUSTED} and
 * {@code UNAVAILABLE}; Bedrock {@code ThrottlingException}, {@code ServiceUnavailableException},
 * {@code ModelNotReadyException} (also as {@code namespace#Name} or {@code Name:url}).
 */
public final class ErrorBodySignals {
  /** How much of a body is looked at. */
  public static final int MAX_SCANNED_BYTES = 16 * 1024;

  /** What an error body says. */
  public enum Signal {
    /** Nothing recognised: decide by status. */
    NONE,
    /** Overloaded or rate limited: worth retrying after a delay. */
    TRANSIENT,
    /** Quota or budget exhausted: retrying the same upstream will not help. */
    EXHAUSTED
  }

  private static final Set<String> KEYS = Set.of("type", "code", "status", "__type");
  private static final Set<String> TRANSIENT_VALUES =
      Set.of(
          "overloaded_error",
          "rate_limit_error",
          "rate_limit_exceeded",
          "server_is_overloaded",
          "slow_down",
          "RESOURCE_EXHAUSTED",
          "UNAVAILABLE",
          "ThrottlingException",
          "ServiceUnavailableException",
          "ModelNotReadyException");
  private static final Set<String> EXHAUSTED_VALUES = Set.of("insufficient_quota");

  private ErrorBodySignals() {}

  /** Classifies {@code body}; anything that is not a JSON object gives {@link Signal#NONE}. */
  public static Signal classify(byte[] body) {
    if (body == null || body.length == 0) {
      return Signal.NONE;
    }
    int len = Math.min(body.length, MAX_SCANNED_BYTES);
    int first = 0;
    while (first < len && Character.isWhitespace(body[first])) {
      first++;
    }
    if (first >= len || body[first] != '{') {
      return Signal.NONE;
    }
    Signal found = Signal.NONE;
    try (JsonParser p = Json.factory().createParser(body, 0, len)) {
      String name = null;
      int depth = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> name = p.currentName();
          case VALUE_STRING -> {
            if (name != null && depth <= 4 && KEYS.contains(name)) {
              String value = p.getText();
              int colon = value.indexOf(':');
              value = colon > 0 ? value.substring(0, colon) : value;
              value = value.substring(value.lastIndexOf('#') + 1);
              if (EXHAUSTED_VALUES.contains(value)) {
                return Signal.EXHAUSTED;
              }
              if (TRANSIENT_VALUES.contains(value)) {
                found = Signal.TRANSIENT;
              }
            }
          }
          default -> { }
        }
        if (t != JsonToken.FIELD_NAME) {
          name = null;
        }
      }
    } catch (IOException | RuntimeException truncatedOrNotJson) {
      // A cut-off or malformed body: keep whatever was recognised before the problem.
    }
    return found;
  }
}
