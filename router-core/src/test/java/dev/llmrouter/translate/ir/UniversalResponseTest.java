package dev.llmrouter.translate.ir;

import static dev.llmrouter.translate.ir.J.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's response tests (universal/response.rs) and the id prefix swap. */
class UniversalResponseTest {

  @Test
  void test_response_completeness_uses_every_choice() {
    UniversalResponse r =
        UniversalResponse.builder()
            .finishReason(FinishReason.STOP)
            .finishReasons(List.of(FinishReason.LENGTH, FinishReason.STOP))
            .build();
    assertThat(r.isComplete()).isFalse();
    UniversalResponse ok =
        UniversalResponse.builder()
            .finishReason(FinishReason.STOP)
            .finishReasons(List.of(FinishReason.STOP, FinishReason.TOOL_CALLS))
            .build();
    assertThat(ok.isComplete()).isTrue();
  }

  @Test
  void test_response_content_is_json_validates_every_assistant_message() {
    UniversalResponse r =
        UniversalResponse.builder()
            .messages(List.of(Message.assistant("{\"ok\":true}"), Message.assistant("{\"broken\":")))
            .finishReason(FinishReason.STOP)
            .build();
    assertThat(r.contentIsJson()).isFalse();
    assertThat(UniversalResponse.builder().finishReason(FinishReason.STOP).build().contentIsJson()).isFalse();
    UniversalResponse parts =
        UniversalResponse.builder()
            .messages(List.of(Message.assistant(List.of(TextPart.of("{\"ok\":true}")))))
            .build();
    assertThat(parts.contentIsJson()).isTrue();
  }

  // --- own tests ---

  @Test
  void text_parts_are_concatenated_and_non_text_assistant_messages_are_skipped() {
    UniversalResponse r =
        UniversalResponse.builder()
            .messages(
                List.of(
                    Message.assistant(List.of(TextPart.of("{\"a\":"), ReasoningPart.of("thinking"), TextPart.of("1}"))),
                    Message.assistant(
                        List.of(ToolCallPart.of("c1", "f", ToolArguments.fromString("{}"))))))
            .build();
    assertThat(r.assistantTexts()).containsExactly("{\"a\":1}");
    assertThat(r.contentIsJson()).isTrue();
    UniversalResponse emptyString = UniversalResponse.builder().messages(List.of(Message.assistant(""))).build();
    assertThat(emptyString.assistantTexts()).containsExactly("");
    assertThat(emptyString.contentIsJson()).isFalse();
  }

  @Test
  void parsable_info_and_reuse_rules() {
    UniversalResponse r =
        UniversalResponse.builder()
            .messages(List.of(Message.assistant("plain text")))
            .finishReason(FinishReason.STOP)
            .build();
    ParsableResponseInfo info = r.parsableInfo();
    assertThat(info).isEqualTo(new ParsableResponseInfo(true, false, true));
    assertThat(info.reusableForRequest(ResponseRequirement.ANY)).isTrue();
    assertThat(info.reusableForRequest(ResponseRequirement.JSON)).isFalse();
    assertThat(ParsableResponseInfo.valid().reusableForRequest(ResponseRequirement.JSON)).isTrue();
    assertThat(new ParsableResponseInfo(true, true, false).reusableForRequest(ResponseRequirement.ANY)).isFalse();
  }

  @Test
  void id_for_swaps_prefixes() {
    UniversalResponse fromAnthropic =
        UniversalResponse.builder().id("msg_abc123").idFormat(ProviderFormat.ANTHROPIC).build();
    assertThat(fromAnthropic.idFor(ProviderFormat.ANTHROPIC)).isEqualTo("msg_abc123");
    assertThat(fromAnthropic.idFor(ProviderFormat.OPENAI)).isEqualTo("chatcmpl-abc123");
    assertThat(fromAnthropic.idFor(ProviderFormat.RESPONSES)).isEqualTo("resp_abc123");
    assertThat(fromAnthropic.idFor(ProviderFormat.GOOGLE)).isEqualTo("resp_abc123");
    assertThat(fromAnthropic.idFor(ProviderFormat.BEDROCK_ANTHROPIC)).isEqualTo("msg_bdrk_abc123");
    assertThat(fromAnthropic.idFor(ProviderFormat.VERTEX_ANTHROPIC)).isEqualTo("msg_vrtx_abc123");
    assertThat(fromAnthropic.idFor(ProviderFormat.CONVERSE)).isEqualTo("msg_abc123");

    UniversalResponse bedrock =
        UniversalResponse.builder().id("msg_bdrk_01X").idFormat(ProviderFormat.BEDROCK_ANTHROPIC).build();
    assertThat(bedrock.idFor(ProviderFormat.ANTHROPIC)).isEqualTo("msg_01X");

    UniversalResponse noPrefix = UniversalResponse.builder().id("abc").build();
    assertThat(noPrefix.idFor(ProviderFormat.OPENAI)).isEqualTo("chatcmpl-abc");

    assertThat(UniversalResponse.builder().build().idFor(ProviderFormat.ANTHROPIC)).isEqualTo("msg_transformed");
    assertThat(UniversalResponse.builder().id("chatcmpl-transformed").build().idFor(ProviderFormat.RESPONSES))
        .isEqualTo("resp_transformed");
    assertThat(UniversalResponse.builder().id("resp_").build().idFor(ProviderFormat.OPENAI))
        .isEqualTo("chatcmpl-transformed");
    assertThat(Defaults.idFor(Optional.of("x"), Optional.of(ProviderFormat.MISTRAL), ProviderFormat.MISTRAL))
        .isEqualTo("x");
  }

  @Test
  void extract_id_from_payload_only_reads_strings() {
    assertThat(UniversalResponse.extractIdFromPayload(json("{'id':'x'}"))).contains("x");
    assertThat(UniversalResponse.extractIdFromPayload(json("{'id':3}"))).isEmpty();
    assertThat(UniversalResponse.extractIdFromPayload(json("[]"))).isEmpty();
  }

  @Test
  void defaults_are_lingua_placeholders() {
    assertThat(Defaults.PLACEHOLDER_MODEL).isEqualTo("transformed");
    assertThat(Defaults.PLACEHOLDER_ID).isEqualTo("transformed");
    assertThat(Defaults.EMPTY_OBJECT_STR).isEqualTo("{}");
    assertThat(Defaults.REFUSAL_TEXT).isEqualTo("Content was refused");
    assertThat(Defaults.DEFAULT_MIME_TYPE).isEqualTo("image/jpeg");
  }
}
