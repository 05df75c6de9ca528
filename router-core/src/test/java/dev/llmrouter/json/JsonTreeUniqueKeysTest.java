package dev.llmrouter.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Repeated keys: the later value wins in place, and the unique-keys parse refuses them at any depth. */
class JsonTreeUniqueKeysTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void repeatedNameReplacesTheEarlierValueInItsPosition() {
    JsonObject o = JsonTree.parseObject(utf8("{\"type\":1,\"t\\u0079pe2\":2,\"type\":3}"));
    assertThat(o.size()).isEqualTo(2);
    assertThat(o.keyAt(0)).isEqualTo("type");
    assertThat(o.keyAt(1)).isEqualTo("type2");
    assertThat(o.getOrNull("type")).isEqualTo(JsonNumber.of(3));
  }

  @Test
  void uniqueKeysParseRefusesRepeatsAtAnyDepth() {
    assertThat(JsonTree.parseObjectWithUniqueKeys(utf8("{\"a\":1,\"a\":2}"))).isEmpty();
    assertThat(JsonTree.parseObjectWithUniqueKeys(utf8("{\"a\":[{\"b\":1,\"b\":2}]}"))).isEmpty();
    byte[] ok = utf8("{\"a\":[{\"b\":1,\"c\":2}],\"b\":3}");
    assertThat(JsonTree.parseObjectWithUniqueKeys(ok)).contains(JsonTree.parseObject(ok));
  }

  @Test
  void uniqueKeysParseIsEmptyForWhatIsNotOneObject() {
    assertThat(JsonTree.parseObjectWithUniqueKeys(utf8("[1]"))).isEmpty();
    assertThat(JsonTree.parseObjectWithUniqueKeys(utf8("{\"a\":"))).isEmpty();
    assertThat(JsonTree.parseObjectWithUniqueKeys(utf8("{} {}"))).isEmpty();
    assertThat(JsonTree.parseObjectWithUniqueKeys(new byte[0])).isEmpty();
  }

  @Test
  void numbersKeepTheirTextThroughAWrite() {
    byte[] doc = utf8("{\"t\":1.50,\"big\":123456789012345678901234567890,\"e\":1E+2}");
    assertThat(new String(JsonTree.write(JsonTree.parse(doc)), StandardCharsets.UTF_8))
        .isEqualTo("{\"t\":1.50,\"big\":123456789012345678901234567890,\"e\":1E+2}");
  }

  @Test
  void loneSurrogatesAreWrittenAsTheReplacementCharacterAndPairsAreKept() {
    JsonValue tree = JsonTree.parse(utf8("{\"a\":\"x\\ud83dy\",\"b\":\"\\ude00\",\"k\":\"\\ud83d\\ude00\"}"));
    assertThat(new String(JsonTree.write(tree), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":\"x\uFFFDy\",\"b\":\"\uFFFD\",\"k\":\"\uD83D\uDE00\"}");
  }
}
