package dev.llmrouter.json;

/** JSON {@code true} or {@code false}. */
public final class JsonBoolean implements JsonValue {
  public static final JsonBoolean TRUE = new JsonBoolean(true);
  public static final JsonBoolean FALSE = new JsonBoolean(false);

  private final boolean value;

  private JsonBoolean(boolean value) {
    this.value = value;
  }

  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }

  public boolean value() {
    return value;
  }

  @Override
  public String kind() {
    return "a boolean";
  }

  @Override
  public String toString() {
    return Boolean.toString(value);
  }
}
