package dev.llmrouter.json;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A JSON number, kept as its exact source text ({@code 0.70} stays {@code 0.70}, {@code 1e2} stays
 * {@code 1e2}). Equality is textual; {@link #numericallyEquals} compares values.
 */
public final class JsonNumber implements JsonValue {
  private final String text;
  /** Whether the text is an integer (no fraction or exponent) that fits a long; see {@link #longValueOfIntegral}. */
  private final boolean integralLong;

  private final long integralValue;

  private JsonNumber(String text) {
    this.text = text;
    long v = 0;
    boolean ok = false;
    int n = text.length();
    if (n > 0 && n <= 18) {
      // At most 18 characters always fit a long.
      boolean negative = text.charAt(0) == '-';
      int i = negative ? 1 : 0;
      ok = i < n;
      for (; i < n; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          ok = false;
          break;
        }
        v = v * 10 + (c - '0');
      }
      if (negative) {
        v = -v;
      }
    } else if (n > 18 && isIntegralText(text)) {
      try {
        v = Long.parseLong(text);
        ok = true;
      } catch (NumberFormatException tooLarge) {
        ok = false;
      }
    }
    this.integralLong = ok;
    this.integralValue = ok ? v : 0;
  }

  /**
   * Whether the text is an integer without fraction or exponent that fits a long, i.e. whether {@code
   * Long.parseLong(text())} succeeds.
   */
  public boolean isIntegralLong() {
    return integralLong;
  }

  /** {@code Long.parseLong(text())} for a number that {@link #isIntegralLong() is an integral long}. */
  public long longValueOfIntegral() {
    if (!integralLong) {
      throw new NumberFormatException("not an integral long: " + text);
    }
    return integralValue;
  }

  /** A number from its JSON text; the text must be a valid JSON number. */
  public static JsonNumber ofText(String text) {
    Objects.requireNonNull(text, "text");
    if (!isValid(text)) {
      throw new IllegalArgumentException("not a JSON number: " + text);
    }
    return new JsonNumber(text);
  }

  /** A number from text the JSON parser already validated. */
  static JsonNumber ofTrusted(String text) {
    return new JsonNumber(text);
  }

  public static JsonNumber of(long value) {
    return new JsonNumber(Long.toString(value));
  }

  /** A number from a decimal; written in plain notation. */
  public static JsonNumber of(BigDecimal value) {
    return new JsonNumber(value.toPlainString());
  }

  /** A number from a double, written the shortest way that reads back the same (no NaN or infinity). */
  public static JsonNumber of(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("JSON has no NaN or infinity");
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return new JsonNumber(Long.toString((long) value));
    }
    return new JsonNumber(Double.toString(value));
  }

  /** The exact JSON text. */
  public String text() {
    return text;
  }

  public BigDecimal decimalValue() {
    return new BigDecimal(text);
  }

  public double doubleValue() {
    return Double.parseDouble(text);
  }

  /** The value as a long when it is an integer that fits ({@code 5}, {@code 5.0}, {@code 5e0}). */
  public OptionalLong longValue() {
    try {
      return OptionalLong.of(decimalValue().longValueExact());
    } catch (ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  /** Whether the text has no fraction or exponent. */
  public boolean isIntegral() {
    return isIntegralText(text);
  }

  private static boolean isIntegralText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return false;
      }
    }
    return true;
  }

  /** Value equality: {@code 1}, {@code 1.0} and {@code 1e0} are equal. */
  public boolean numericallyEquals(JsonNumber other) {
    return decimalValue().compareTo(other.decimalValue()) == 0;
  }

  @Override
  public String kind() {
    return "a number";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonNumber n && n.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static boolean isValid(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    if (i >= n) {
      return false;
    }
    if (s.charAt(i) == '0') {
      i++;
    } else if (Character.isDigit(s.charAt(i))) {
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
    } else {
      return false;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
