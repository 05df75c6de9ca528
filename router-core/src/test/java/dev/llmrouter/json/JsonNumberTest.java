package dev.llmrouter.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The integral-long view of a number agrees with "integral text that Long.parseLong accepts". */
class JsonNumberTest {

  @Test
  void integralLongMatchesParseLong() {
    String[] texts = {
      "0", "-0", "7", "-7", "127", "128", "1.0", "1e2", "1E2", "-1.5e-3", "999999999999999999",
      "-999999999999999999", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
      "-9223372036854775809", "12345678901234567890123", "100000000000000000000.0"
    };
    for (String t : texts) {
      check(JsonNumber.ofText(t));
    }
    Random r = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      StringBuilder sb = new StringBuilder(r.nextBoolean() ? "-" : "");
      int digits = 1 + r.nextInt(22);
      sb.append((char) ('1' + r.nextInt(9)));
      for (int d = 1; d < digits; d++) {
        sb.append((char) ('0' + r.nextInt(10)));
      }
      check(JsonNumber.ofText(sb.toString()));
      check(JsonNumber.of(r.nextLong()));
    }
    check(JsonNumber.of(2.5));
    check((JsonNumber) JsonTree.parse("[12]".getBytes()).asArray().get().get(0));
  }

  private static void check(JsonNumber n) {
    Long expected = null;
    if (n.isIntegral()) {
      try {
        expected = Long.parseLong(n.text());
      } catch (NumberFormatException e) {
        expected = null;
      }
    }
    assertThat(n.isIntegralLong()).as(n.text()).isEqualTo(expected != null);
    if (expected != null) {
      assertThat(n.longValueOfIntegral()).as(n.text()).isEqualTo(expected);
    }
  }
}
