package dev.llmrouter.translate.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The session's event serializer writes JSON that parses back to the same tree. */
class EventWriterTest {

  private final EventWriter writer = new EventWriter();

  private void roundTrips(JsonValue value) {
    byte[] bytes = writer.write(value);
    assertThat(JsonTree.canonicalEquals(JsonTree.parse(bytes), value)).as(new String(bytes, StandardCharsets.UTF_8)).isTrue();
  }

  @Test
  void writes_compact_json_in_member_order() {
    JsonObject o =
        JsonObject.builder()
            .put("type", "content_block_delta")
            .put("index", 3)
            .put("n", JsonNumber.ofText("-0.000010564331205387134"))
            .put("ok", JsonBoolean.TRUE)
            .put("none", JsonNull.INSTANCE)
            .put("list", JsonArray.of(JsonString.of("a"), JsonObject.empty(), JsonArray.empty()))
            .build();
    assertThat(new String(writer.write(o), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"type\":\"content_block_delta\",\"index\":3,\"n\":-0.000010564331205387134,\"ok\":true,"
                + "\"none\":null,\"list\":[\"a\",{},[]]}");
  }

  @Test
  void escapes_strings_and_encodes_utf8() {
    String tricky = "q\"b\\s/\n\r\t\b\f\u0001\u001f é ☃ 😀 \uD800 end";
    roundTrips(JsonObject.of("text", JsonString.of(tricky)));
    String written = new String(writer.write(JsonString.of("\u0001\uD800")), StandardCharsets.UTF_8);
    assertThat(written).isEqualTo("\"\\u0001\\ud800\"");
  }

  @Test
  void bulk_copied_strings_are_written_as_character_by_character() {
    char[] specials = {'?', '"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u0080', '\u00e9', '\u20ac', '\ud83d', '\ude00'};
    String base = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz";
    for (int len : new int[] {23, 24, 25, 31, 32, 33, 64, 88}) {
      for (int at = 0; at < len; at++) {
        for (char c : specials) {
          char[] cs = base.substring(0, len).toCharArray();
          cs[at] = c;
          String s = new String(cs);
          assertThat(new String(writer.write(JsonString.of(s)), StandardCharsets.UTF_8))
              .as(s)
              .isEqualTo(reference(s));
        }
      }
    }
    java.util.Random r = new java.util.Random(11);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(80);
      for (int j = 0; j < n; j++) {
        sb.append(r.nextInt(8) == 0 ? specials[r.nextInt(specials.length)] : (char) (0x20 + r.nextInt(0x5F)));
      }
      String s = sb.toString();
      assertThat(new String(writer.write(JsonString.of(s)), StandardCharsets.UTF_8)).as(s).isEqualTo(reference(s));
    }
  }

  /** The writer's rules, character by character (the reference for its bulk path). */
  private static String reference(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  @Test
  void handles_large_strings_and_reuses_its_buffer() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      big.append(i % 7 == 0 ? '"' : (char) ('a' + i % 26));
    }
    big.append("☃😀");
    roundTrips(JsonObject.of("signature", JsonString.of(big.toString())));
    roundTrips(JsonObject.of("small", JsonString.of("x")));
  }
}
