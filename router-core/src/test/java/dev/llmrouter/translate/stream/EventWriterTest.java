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
