package dev.llmrouter.translate.ir;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.Optional;

/**
 * A prompt-cache breakpoint on a text part: {@code {type: ephemeral, ttl?: "5m" | "1h"}} (lingua's
 * {@code CacheControl}; the type is always {@code ephemeral}).
 *
 * @param ttl the requested time to live, when given
 */
public record CacheControl(Optional<Ttl> ttl) {

  /** The cache entry lifetime. */
  public enum Ttl {
    /** Five minutes ({@code "5m"}). */
    FIVE_MINUTES("5m"),
    /** One hour ({@code "1h"}). */
    ONE_HOUR("1h");

    private final String wire;

    Ttl(String wire) {
      this.wire = wire;
    }

    /** {@code "5m"} or {@code "1h"}. */
    public String wire() {
      return wire;
    }

    /** Parses {@code "5m"} / {@code "1h"}. */
    public static Optional<Ttl> fromWire(String s) {
      if ("5m".equals(s)) {
        return Optional.of(FIVE_MINUTES);
      }
      if ("1h".equals(s)) {
        return Optional.of(ONE_HOUR);
      }
      return Optional.empty();
    }
  }

  /** The {@code ephemeral} breakpoint without a TTL. */
  public static final CacheControl EPHEMERAL = new CacheControl(Optional.empty());

  /** Normalizes a null TTL to empty. */
  public CacheControl {
    ttl = LinguaJson.opt(ttl);
  }

  /** An ephemeral breakpoint with the given TTL. */
  public static CacheControl of(Ttl ttl) {
    return new CacheControl(Optional.of(ttl));
  }

  /** Always {@code "ephemeral"}. */
  public String type() {
    return "ephemeral";
  }

  /** {@code {"type":"ephemeral","ttl"?:...}}. */
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder().put("type", "ephemeral");
    ttl.ifPresent(t -> b.put("ttl", t.wire()));
    return b.build();
  }

  /**
   * Reads {@code {type: "ephemeral", ttl?}} strictly, as lingua's typed deserialization does.
   *
   * @throws TranslationException naming {@code field} when the type is not ephemeral or the TTL unknown
   */
  public static CacheControl fromJson(JsonValue value, String field) {
    if (!(value instanceof JsonObject o)) {
      throw new TranslationException(field + " must be an object, got " + value.kind());
    }
    String type = o.getString("type").orElse(null);
    if (!"ephemeral".equals(type)) {
      throw new TranslationException(
          "unknown variant in " + field + ".type: expected `ephemeral`, got " + o.get("type").map(JsonValue::toJson).orElse("nothing"));
    }
    JsonValue ttl = o.getOrNull("ttl");
    if (ttl == null || ttl.isNull()) {
      return EPHEMERAL;
    }
    Optional<Ttl> parsed = ttl.asString().flatMap(Ttl::fromWire);
    if (parsed.isEmpty()) {
      throw new TranslationException(
          "unknown variant in " + field + ".ttl: expected `5m` or `1h`, got " + ttl.toJson());
    }
    return of(parsed.get());
  }
}
