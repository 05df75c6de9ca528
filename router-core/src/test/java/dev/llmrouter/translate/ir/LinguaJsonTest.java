package dev.llmrouter.translate.ir;

import static dev.llmrouter.translate.ir.J.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import org.junit.jupiter.api.Test;

/** Lingua-compatible JSON reading and writing, and {@link ToolArguments}. */
class LinguaJsonTest {

  @Test
  void sorted_writer_orders_keys_recursively_and_keeps_number_text() {
    assertThat(LinguaJson.writeSorted(json("{'b':1,'a':{'d':[{'z':1.50,'y':null}],'c':'x'}}")))
        .isEqualTo("{\"a\":{\"c\":\"x\",\"d\":[{\"y\":null,\"z\":1.50}]},\"b\":1}");
  }

  @Test
  void key_order_is_by_code_point_not_utf16() {
    // U+FF21 (fullwidth A) sorts before U+1F600 by code point, but after its surrogate pair in UTF-16.
    String emoji = new String(Character.toChars(0x1F600));
    assertThat(LinguaJson.compareKeys("\uFF21", emoji)).isNegative();
    assertThat("\uFF21".compareTo(emoji)).isPositive();
    assertThat(LinguaJson.compareKeys("a", "ab")).isNegative();
    assertThat(LinguaJson.compareKeys("B", "a")).isNegative();
  }

  @Test
  void i64_reads_only_integral_text() {
    assertThat(LinguaJson.i64(json("5"))).contains(5L);
    assertThat(LinguaJson.i64(json("-3"))).contains(-3L);
    assertThat(LinguaJson.i64(json("5.0"))).isEmpty();
    assertThat(LinguaJson.i64(json("1e3"))).isEmpty();
    assertThat(LinguaJson.i64(json("'5'"))).isEmpty();
    assertThat(LinguaJson.i64(json("99999999999999999999"))).isEmpty();
    assertThat(LinguaJson.i64((JsonObject) json("{'a':null}"), "a")).isEmpty();
  }

  @Test
  void tool_arguments_from_string() {
    ToolArguments valid = ToolArguments.fromString("{\"b\": 2, \"a\": 1}");
    assertThat(valid).isInstanceOf(ToolArguments.Valid.class);
    assertThat(valid.kind()).isEqualTo("valid");
    assertThat(valid.text()).isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(valid.asObject()).isPresent();

    for (String s : new String[] {"[1,2]", "\"x\"", "{broken", "", "null"}) {
      ToolArguments a = ToolArguments.fromString(s);
      assertThat(a).as(s).isInstanceOf(ToolArguments.Invalid.class);
      assertThat(a.text()).isEqualTo(s);
      assertThat(a.asObject()).isEmpty();
    }
    assertThat(ToolArguments.custom("print(1)").text()).isEqualTo("print(1)");
    assertThat(ToolArguments.custom("x").kind()).isEqualTo("custom");
  }

  @Test
  void valid_json_check() {
    assertThat(LinguaJson.isValidJson(" {\"a\":1} ")).isTrue();
    assertThat(LinguaJson.isValidJson("42")).isTrue();
    assertThat(LinguaJson.isValidJson("{\"a\":")).isFalse();
    assertThat(LinguaJson.isValidJson("")).isFalse();
    assertThat(LinguaJson.isValidJson("{} {}")).isFalse();
    assertThat(JsonTree.canonicalEquals(LinguaJson.sortKeys(json("{'b':1,'a':2}")), json("{'a':2,'b':1}"))).isTrue();
  }
}
