package dev.llmrouter.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranslatorTest {

  private static RequestShape scan(String json) {
    return RequestShape.scan(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sameFormatPassesThroughTheSameArray() {
    RequestShape s = scan("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    RequestTransform t = Translator.transformRequest(s, ProviderFormat.OPENAI);
    assertThat(t.isPassthrough()).isTrue();
    assertThat(t.body()).isSameAs(s.body());
    assertThat(t.sourceFormat()).contains(ProviderFormat.OPENAI);
    assertThat(t.targetFormat()).isEqualTo(ProviderFormat.OPENAI);
  }

  @Test
  void crossFormatIsRefusedWithAClearClientError() {
    RequestShape anthropic = scan("{\"model\":\"c\",\"max_tokens\":5,\"system\":\"x\",\"messages\":[]}");
    assertThatThrownBy(() -> Translator.transformRequest(anthropic, ProviderFormat.GOOGLE))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("translation not yet supported")
        .hasMessageContaining("anthropic")
        .hasMessageContaining("google");
  }

  @Test
  void mistralAndUnknownTargetsForwardTheBody() {
    RequestShape s = scan("{\"model\":\"mistral-large\",\"messages\":[]}");
    assertThat(Translator.transformRequest(s, ProviderFormat.MISTRAL).body()).isSameAs(s.body());
    assertThat(Translator.transformRequest(s, ProviderFormat.UNKNOWN).isPassthrough()).isTrue();
  }

  @Test
  void undetectableBodyIsRefused() {
    assertThatThrownBy(() -> Translator.transformRequest(scan("{\"prompt\":\"x\"}"), ProviderFormat.OPENAI))
        .isInstanceOf(TranslationException.class).hasMessageContaining("unable to detect");
  }

  @Test
  void responseFamilies() {
    assertThat(Translator.isResponsePassthrough(ProviderFormat.BEDROCK_ANTHROPIC, ProviderFormat.ANTHROPIC))
        .isTrue();
    assertThat(Translator.isResponsePassthrough(ProviderFormat.MISTRAL, ProviderFormat.OPENAI)).isTrue();
    assertThat(Translator.isResponsePassthrough(ProviderFormat.RESPONSES, ProviderFormat.OPENAI)).isFalse();
    assertThatThrownBy(() -> Translator.requireResponseTranslation(ProviderFormat.GOOGLE, ProviderFormat.OPENAI))
        .isInstanceOf(TranslationException.class);
  }

  @Test
  void responsesUpgradeRule() {
    RequestShape withTools = scan("{\"model\":\"gpt-5.2-mini\",\"reasoning_effort\":\"high\","
        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],\"messages\":[]}");
    assertThat(ModelRules.upgradesChatToResponses(withTools, "gpt-5.2-mini")).isTrue();
    assertThat(ModelRules.upgradesChatToResponses(withTools, "gemini-2.5-flash")).isFalse();
    assertThat(ModelRules.upgradesChatToResponses(withTools, "models/gemini-2.5-flash")).isFalse();
    RequestShape none = scan("{\"model\":\"m\",\"reasoning_effort\":\"none\",\"tools\":[{}],\"messages\":[]}");
    assertThat(ModelRules.upgradesChatToResponses(none, "m")).isFalse();
    RequestShape noTools = scan("{\"model\":\"m\",\"reasoning_effort\":\"low\",\"tools\":[],\"messages\":[]}");
    assertThat(ModelRules.upgradesChatToResponses(noTools, "m")).isFalse();
  }
}
