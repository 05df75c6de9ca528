package dev.llmrouter.json;

/** JSON {@code null}. Distinct from an absent member: {@code {"a": null}} is not {@code {}}. */
public final class JsonNull implements JsonValue {
  public static final JsonNull INSTANCE = new JsonNull();

  private JsonNull() {}

  @Override
  public String kind() {
    return "null";
  }

  @Override
  public String toString() {
    return "null";
  }
}
