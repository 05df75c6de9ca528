package dev.llmrouter.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.TranslationException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranslatorTest {

  private static byte[] b(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static RequestShape scan(String json) {
    return RequestShape.scan(b(json));
  }

  @Test
  void sameFormatPassesThroughTheSameArray() {
    byte[] body = b("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    RequestTransform t = Translator.transformRequest(body, ProviderFormat.OPENAI, Optional.empty());
    assertThat(t.isPassthrough()).isTrue();
    assertThat(t.body()).isSameAs(body);
    assertThat(t.sourceFormat()).contains(ProviderFormat.OPENAI);
    assertThat(t.targetFormat()).isEqualTo(ProviderFormat.OPENAI);
  }

  @Test
  void theCallersFormatSettlesAnAmbiguousBody() {
    // Valid as both Chat and Anthropic: lingua's priority reads it as Anthropic, but a caller that says
    // it speaks Chat gets a zero-copy pass-through.
    RequestShape s = scan("{\"model\":\"gpt-4o\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(s.detect()).contains(ProviderFormat.ANTHROPIC);
    RequestTransform t = Translator.transformRequest(s, ProviderFormat.OPENAI, Optional.of("gpt-4o"),
        Optional.of(ProviderFormat.OPENAI), true);
    assertThat(t.isPassthrough()).isTrue();
    assertThat(t.body()).isSameAs(s.body());
  }

  @Test
  void mistralAndUnknownTargetsForwardTheBody() {
    byte[] body = b("{\"model\":\"mistral-large\",\"messages\":[]}");
    assertThat(Translator.transformRequest(body, ProviderFormat.MISTRAL, Optional.empty()).body()).isSameAs(body);
    assertThat(Translator.transformRequest(body, ProviderFormat.UNKNOWN, Optional.empty()).isPassthrough()).isTrue();
  }

  @Test
  void undetectableBodyIsRefused() {
    assertThatThrownBy(() -> Translator.transformRequest(b("{\"prompt\":\"x\"}"), ProviderFormat.OPENAI, Optional.empty()))
        .isInstanceOf(TranslationException.class).hasMessageContaining("unable to detect");
  }

  @Test
  void invalidJsonIsAnInvalidRequest() {
    assertThatThrownBy(() -> Translator.transformRequest(b("{\"model\":"), ProviderFormat.OPENAI, Optional.empty()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid JSON");
  }

  @Test
  void responseFamilies() {
    assertThat(Translator.isResponsePassthrough(ProviderFormat.BEDROCK_ANTHROPIC, ProviderFormat.ANTHROPIC))
        .isTrue();
    assertThat(Translator.isResponsePassthrough(ProviderFormat.MISTRAL, ProviderFormat.OPENAI)).isTrue();
    assertThat(Translator.isResponsePassthrough(ProviderFormat.RESPONSES, ProviderFormat.OPENAI)).isFalse();
    assertThatThrownBy(() -> Translator.requireResponseTranslation(ProviderFormat.OPENAI, ProviderFormat.UNKNOWN))
        .isInstanceOf(TranslationException.class).hasMessageContaining("unknown");
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

  @Test
  void chatModelRulesForceTranslationOnlyWhenTheBodyHasAnAffectedKey() {
    RequestShape clean = scan("{\"model\":\"gpt-5-nano\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(ModelRules.forcesChatTranslation(ProviderFormat.OPENAI, clean, Optional.empty())).isFalse();
    RequestShape temp = scan("{\"model\":\"gpt-5-nano\",\"temperature\":0.2,\"messages\":[]}");
    assertThat(ModelRules.forcesChatTranslation(ProviderFormat.OPENAI, temp, Optional.empty())).isTrue();
    RequestShape maxTokens = scan("{\"model\":\"gpt-4o\",\"max_tokens\":5,\"messages\":[]}");
    assertThat(ModelRules.forcesChatTranslation(ProviderFormat.OPENAI, maxTokens, Optional.empty())).isFalse();
    assertThat(ModelRules.forcesChatTranslation(ProviderFormat.OPENAI, maxTokens, Optional.of("o3-mini"))).isTrue();
    RequestShape mistral = scan("{\"model\":\"mistral-large\",\"max_completion_tokens\":5,\"messages\":[]}");
    assertThat(ModelRules.forcesChatTranslation(ProviderFormat.OPENAI, mistral, Optional.empty())).isTrue();
    assertThat(ModelRules.forcesChatTranslation(ProviderFormat.RESPONSES, temp, Optional.empty())).isFalse();
  }

  @Test
  void midConversationSystemTurnsPassThroughOnlyToModelsThatSupportThem() {
    byte[] body = b("{\"model\":\"claude-opus-4-8\",\"max_tokens\":100,\"system\":\"s\",\"messages\":["
        + "{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"system\",\"content\":\"be brief\"}]}");
    RequestTransform ok = Translator.transformRequest(body, ProviderFormat.ANTHROPIC, Optional.of("claude-opus-4-8"));
    assertThat(ok.isPassthrough()).isTrue();
    assertThat(ok.body()).isSameAs(body);
    // claude-sonnet-4-5 rejects system turns inside messages: the body is not sent as is.
    assertThatThrownBy(() -> Translator.transformRequest(body, ProviderFormat.ANTHROPIC, Optional.of("claude-sonnet-4-5")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("system");
  }

  @Test
  void crossFormatRequestsAreTranslated() {
    byte[] chat = b("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
        + "{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":50}");
    RequestTransform t = Translator.transformRequest(chat, ProviderFormat.ANTHROPIC, Optional.of("claude-sonnet-4-6"));
    assertThat(t.isPassthrough()).isFalse();
    assertThat(t.sourceFormat()).contains(ProviderFormat.OPENAI);
    assertThat(new String(t.body(), StandardCharsets.UTF_8))
        .contains("\"system\":\"Be brief.\"")
        .contains("\"model\":\"claude-sonnet-4-6\"")
        .contains("\"max_tokens\":50");
  }
}
