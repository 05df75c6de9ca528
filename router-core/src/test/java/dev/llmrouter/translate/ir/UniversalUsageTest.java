package dev.llmrouter.translate.ir;

import static dev.llmrouter.translate.ir.J.assertJsonEquals;
import static dev.llmrouter.translate.ir.J.at;
import static dev.llmrouter.translate.ir.J.json;
import static dev.llmrouter.translate.ir.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's usage tests (universal/response.rs, stream.rs) and the spec 2.10 table. */
class UniversalUsageTest {

  private static Optional<JsonValue> n(long v) {
    return Optional.of(JsonValue.of(v));
  }

  @Test
  void test_exclusive_usage_serializes_inclusive_prompt_tokens_for_openai_formats() {
    UniversalUsage u =
        UniversalUsage.builder()
            .promptTokens(10L)
            .completionTokens(5L)
            .promptCachedTokens(20L)
            .promptCacheCreationTokens(30L)
            .promptTokensExcludeCache(true)
            .build();
    JsonObject chat = u.toProviderValue(ProviderFormat.OPENAI);
    assertThat(at(chat, "/prompt_tokens")).isEqualTo(n(60));
    assertThat(at(chat, "/completion_tokens")).isEqualTo(n(5));
    assertThat(at(chat, "/total_tokens")).isEqualTo(n(65));
    JsonObject responses = u.toProviderValue(ProviderFormat.RESPONSES);
    assertThat(at(responses, "/input_tokens")).isEqualTo(n(60));
    assertThat(at(responses, "/output_tokens")).isEqualTo(n(5));
    assertThat(at(responses, "/total_tokens")).isEqualTo(n(65));
    assertThat(at(responses, "/input_tokens_details/cache_write_tokens")).isEqualTo(n(30));
  }

  @Test
  void test_inclusive_prompt_tokens_uses_split_ttl_when_aggregate_missing() {
    UniversalUsage u =
        UniversalUsage.builder()
            .promptTokens(10L)
            .promptCachedTokens(20L)
            .promptCacheCreation5mTokens(30L)
            .promptCacheCreation1hTokens(40L)
            .promptTokensExcludeCache(true)
            .build();
    assertThat(u.inclusivePromptTokens()).contains(100L);
  }

  @Test
  void test_responses_cache_write_tokens_uses_split_ttl_when_aggregate_missing() {
    UniversalUsage u =
        UniversalUsage.builder()
            .promptTokens(10L)
            .promptCachedTokens(20L)
            .promptCacheCreation5mTokens(30L)
            .promptCacheCreation1hTokens(40L)
            .promptTokensExcludeCache(true)
            .build();
    JsonObject r = u.toProviderValue(ProviderFormat.RESPONSES);
    assertThat(at(r, "/input_tokens")).isEqualTo(n(100));
    assertThat(at(r, "/input_tokens_details/cache_write_tokens")).isEqualTo(n(70));
  }

  @Test
  void test_converse_serializes_exclusive_prompt_tokens_with_cache_buckets() {
    UniversalUsage u =
        UniversalUsage.builder()
            .promptTokens(100L)
            .completionTokens(25L)
            .promptCachedTokens(40L)
            .promptCacheCreationTokens(15L)
            .build();
    JsonObject c = u.toProviderValue(ProviderFormat.CONVERSE);
    assertJsonEquals(
        c,
        "{'inputTokens':45,'outputTokens':25,'totalTokens':125,'cacheReadInputTokens':40,'cacheWriteInputTokens':15}");
    UniversalUsage back = UniversalUsage.fromProviderValue(c, ProviderFormat.CONVERSE);
    assertThat(back.promptTokens()).contains(45L);
    assertThat(back.promptTokensExcludeCache()).isTrue();
    assertThat(back.inclusivePromptTokens()).contains(100L);
    assertThat(back.totalTokens()).contains(125L);
  }

  @Test
  void test_converse_preserves_already_exclusive_prompt_tokens() {
    UniversalUsage u =
        UniversalUsage.builder()
            .promptTokens(45L)
            .completionTokens(25L)
            .promptCachedTokens(40L)
            .promptCacheCreationTokens(15L)
            .promptTokensExcludeCache(true)
            .build();
    JsonObject c = u.toProviderValue(ProviderFormat.CONVERSE);
    assertThat(at(c, "/inputTokens")).isEqualTo(n(45));
    assertThat(at(c, "/cacheReadInputTokens")).isEqualTo(n(40));
    assertThat(at(c, "/cacheWriteInputTokens")).isEqualTo(n(15));
  }

  @Test
  void test_exclusive_usage_stays_exclusive_for_anthropic_formats() {
    UniversalUsage u =
        UniversalUsage.builder()
            .promptTokens(10L)
            .completionTokens(5L)
            .promptCachedTokens(20L)
            .promptCacheCreationTokens(30L)
            .promptTokensExcludeCache(true)
            .build();
    assertJsonEquals(
        u.toProviderValue(ProviderFormat.ANTHROPIC),
        "{'input_tokens':10,'output_tokens':5,'cache_read_input_tokens':20,'cache_creation_input_tokens':30}");
  }

  @Test
  void test_inclusive_usage_serializes_exclusive_prompt_tokens_for_anthropic_formats() {
    UniversalUsage u =
        UniversalUsage.builder()
            .promptTokens(60L)
            .completionTokens(5L)
            .promptCachedTokens(20L)
            .promptCacheCreationTokens(10L)
            .build();
    assertJsonEquals(
        u.toProviderValue(ProviderFormat.ANTHROPIC),
        "{'input_tokens':30,'output_tokens':5,'cache_read_input_tokens':20,'cache_creation_input_tokens':10}");
  }

  @Test
  void test_anthropic_cache_creation_serializes_both_ttl_buckets() {
    UniversalUsage u =
        UniversalUsage.builder().promptTokens(10L).promptCacheCreation5mTokens(20L).promptTokensExcludeCache(true).build();
    JsonObject a = u.toProviderValue(ProviderFormat.ANTHROPIC);
    assertThat(at(a, "/cache_creation/ephemeral_5m_input_tokens")).isEqualTo(n(20));
    assertThat(at(a, "/cache_creation/ephemeral_1h_input_tokens")).isEqualTo(n(0));
  }

  @Test
  void test_malformed_anthropic_cache_creation_preserves_token_counts() {
    UniversalUsage u =
        UniversalUsage.fromProviderValue(
            json(
                "{'input_tokens':10,'output_tokens':5,'cache_read_input_tokens':20,"
                    + "'cache_creation_input_tokens':30,'cache_creation':'invalid'}"),
            ProviderFormat.ANTHROPIC);
    assertThat(u.promptTokens()).contains(10L);
    assertThat(u.completionTokens()).contains(5L);
    assertThat(u.promptCachedTokens()).contains(20L);
    assertThat(u.promptCacheCreationTokens()).contains(30L);
    assertThat(u.promptCacheCreation5mTokens()).isEmpty();
    assertThat(u.promptCacheCreation1hTokens()).isEmpty();
  }

  @Test
  void test_google_provider_value_preserves_nested_usage_details() {
    UniversalUsage u =
        UniversalUsage.builder()
            .promptTokens(12L)
            .completionTokens(8L)
            .totalTokens(20L)
            .inputDetails(
                new InputTokenDetails(
                    Optional.of(List.of(ModalityTokenCount.of(TokenModality.TEXT, 10))),
                    Optional.of(
                        new TokenBreakdown(
                            Optional.of(4L), Optional.of(List.of(ModalityTokenCount.of(TokenModality.TEXT, 4))))),
                    Optional.empty(),
                    Optional.of(
                        new TokenBreakdown(
                            Optional.of(2L), Optional.of(List.of(ModalityTokenCount.of(TokenModality.TEXT, 2)))))))
            .outputDetails(
                new OutputTokenDetails(
                    Optional.of(List.of(ModalityTokenCount.of(TokenModality.AUDIO, 5))),
                    Optional.of(TokenBreakdown.ofTotal(3))))
            .build();
    assertJsonEquals(
        u.toProviderValue(ProviderFormat.GOOGLE),
        "{'promptTokenCount':10,'candidatesTokenCount':5,'totalTokenCount':20,'cachedContentTokenCount':4,"
            + "'cacheTokensDetails':[{'modality':'TEXT','tokenCount':4}],'thoughtsTokenCount':3,"
            + "'promptTokensDetails':[{'modality':'TEXT','tokenCount':10}],"
            + "'candidatesTokensDetails':[{'modality':'AUDIO','tokenCount':5}],'toolUsePromptTokenCount':2,"
            + "'toolUsePromptTokensDetails':[{'modality':'TEXT','tokenCount':2}]}");
  }

  @Test
  void test_openai_chat_malformed_counter_preserves_valid_usage() {
    JsonValue raw =
        json("{'prompt_tokens':10,'completion_tokens':'invalid','total_tokens':18,'prompt_tokens_details':{'cached_tokens':4}}");
    for (ProviderFormat p : List.of(ProviderFormat.OPENAI, ProviderFormat.MISTRAL)) {
      UniversalUsage u = UniversalUsage.fromProviderValue(raw, p);
      assertThat(u.promptTokens()).contains(10L);
      assertThat(u.completionTokens()).isEmpty();
      assertThat(u.totalTokens()).contains(18L);
      assertThat(u.promptCachedTokens()).contains(4L);
    }
  }

  @Test
  void test_openai_chat_malformed_optional_details_preserve_valid_usage() {
    UniversalUsage u =
        UniversalUsage.fromProviderValue(
            json(
                "{'prompt_tokens':10,'completion_tokens':8,'total_tokens':18,'prompt_tokens_details':'invalid',"
                    + "'completion_tokens_details':{'reasoning_tokens':2}}"),
            ProviderFormat.OPENAI);
    assertThat(u.promptTokens()).contains(10L);
    assertThat(u.completionTokens()).contains(8L);
    assertThat(u.totalTokens()).contains(18L);
    assertThat(u.inputDetails()).isEmpty();
    assertThat(u.completionReasoningTokens()).contains(2L);
  }

  @Test
  void test_openai_chat_usage_details_roundtrip() {
    JsonValue raw =
        json(
            "{'prompt_tokens':10,'completion_tokens':8,'total_tokens':18,'prompt_tokens_details':{'cached_tokens':4,"
                + "'audio_tokens':3},'completion_tokens_details':{'reasoning_tokens':2,'audio_tokens':1}}");
    UniversalUsage u = UniversalUsage.fromProviderValue(raw, ProviderFormat.OPENAI);
    assertThat(u.totalTokens()).contains(18L);
    assertThat(u.inputDetails().flatMap(InputTokenDetails::cached).flatMap(TokenBreakdown::totalTokens)).contains(4L);
    assertThat(u.outputDetails().flatMap(OutputTokenDetails::reasoning).flatMap(TokenBreakdown::totalTokens))
        .contains(2L);
    assertThat(JsonTree.canonicalEquals(u.toProviderValue(ProviderFormat.OPENAI), raw)).isTrue();
  }

  @Test
  void test_anthropic_malformed_output_details_preserve_valid_usage() {
    UniversalUsage u =
        UniversalUsage.fromProviderValue(
            json("{'input_tokens':10,'output_tokens':5,'cache_read_input_tokens':20,'output_tokens_details':'invalid'}"),
            ProviderFormat.ANTHROPIC);
    assertThat(u.promptTokens()).contains(10L);
    assertThat(u.completionTokens()).contains(5L);
    assertThat(u.promptCachedTokens()).contains(20L);
    assertThat(u.completionReasoningTokens()).isEmpty();
  }

  @Test
  void test_anthropic_usage_details_include_cache_reasoning_and_total() {
    JsonValue raw =
        json(
            "{'input_tokens':10,'output_tokens':5,'cache_read_input_tokens':20,'cache_creation_input_tokens':30,"
                + "'output_tokens_details':{'thinking_tokens':2}}");
    UniversalUsage u = UniversalUsage.fromProviderValue(raw, ProviderFormat.ANTHROPIC);
    assertThat(u.totalTokens()).contains(65L);
    assertThat(u.inputDetails().flatMap(InputTokenDetails::cacheCreation).flatMap(TokenBreakdown::totalTokens))
        .contains(30L);
    assertThat(u.outputDetails().flatMap(OutputTokenDetails::reasoning).flatMap(TokenBreakdown::totalTokens))
        .contains(2L);
    assertThat(JsonTree.canonicalEquals(u.toProviderValue(ProviderFormat.ANTHROPIC), raw)).isTrue();
  }

  @Test
  void test_openai_responses_malformed_counter_preserves_valid_usage() {
    UniversalUsage u =
        UniversalUsage.fromProviderValue(
            json("{'input_tokens':'invalid','output_tokens':25,'total_tokens':125,'output_tokens_details':{'reasoning_tokens':5}}"),
            ProviderFormat.RESPONSES);
    assertThat(u.promptTokens()).isEmpty();
    assertThat(u.completionTokens()).contains(25L);
    assertThat(u.totalTokens()).contains(125L);
    assertThat(u.completionReasoningTokens()).contains(5L);
  }

  @Test
  void test_converse_malformed_counter_preserves_valid_usage() {
    UniversalUsage u =
        UniversalUsage.fromProviderValue(
            json("{'inputTokens':100,'outputTokens':'invalid','totalTokens':125,'cacheReadInputTokens':40}"),
            ProviderFormat.CONVERSE);
    assertThat(u.promptTokens()).contains(100L);
    assertThat(u.completionTokens()).isEmpty();
    assertThat(u.totalTokens()).contains(125L);
    assertThat(u.promptCachedTokens()).contains(40L);
  }

  @Test
  void test_openai_responses_malformed_input_details_preserve_valid_usage() {
    UniversalUsage u =
        UniversalUsage.fromProviderValue(
            json(
                "{'input_tokens':100,'output_tokens':25,'total_tokens':125,'input_tokens_details':'invalid',"
                    + "'output_tokens_details':{'reasoning_tokens':5}}"),
            ProviderFormat.RESPONSES);
    assertThat(u.promptTokens()).contains(100L);
    assertThat(u.inputDetails()).isEmpty();
    assertThat(u.completionReasoningTokens()).contains(5L);
  }

  @Test
  void test_openai_responses_cache_write_tokens() {
    UniversalUsage u =
        UniversalUsage.fromProviderValue(
            json(
                "{'input_tokens':100,'output_tokens':25,'input_tokens_details':{'cached_tokens':40,"
                    + "'cache_write_tokens':15},'output_tokens_details':{'reasoning_tokens':5}}"),
            ProviderFormat.RESPONSES);
    assertThat(u.promptTokens()).contains(100L);
    assertThat(u.completionTokens()).contains(25L);
    assertThat(u.promptCachedTokens()).contains(40L);
    assertThat(u.promptCacheCreationTokens()).contains(15L);
    assertThat(u.completionReasoningTokens()).contains(5L);
    assertThat(u.totalTokens()).contains(125L);
    JsonObject r = u.toProviderValue(ProviderFormat.RESPONSES);
    assertThat(at(r, "/input_tokens_details/cached_tokens")).isEqualTo(n(40));
    assertThat(at(r, "/input_tokens_details/cache_write_tokens")).isEqualTo(n(15));
  }

  /** stream.rs: test_usage_details_roundtrip (universal serialization). */
  @Test
  void test_usage_details_roundtrip() {
    UniversalUsage u =
        UniversalUsage.builder()
            .totalTokens(5L)
            .inputDetails(
                new InputTokenDetails(
                    Optional.of(List.of(ModalityTokenCount.of(TokenModality.TEXT, 3))),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(
                        new TokenBreakdown(
                            Optional.of(2L), Optional.of(List.of(ModalityTokenCount.of(TokenModality.TEXT, 2)))))))
            .build();
    JsonObject v = u.toJson();
    assertJsonEquals(
        v,
        "{'total_tokens':5,'input_details':{'content_by_modality':[{'modality':'text','token_count':3}],"
            + "'tool_prompt':{'total_tokens':2,'by_modality':[{'modality':'text','token_count':2}]}}}");
    UniversalUsage back = UniversalUsage.fromJson(v);
    assertThat(back.promptTokensExcludeCache()).isFalse();
    assertThat(back.totalTokens()).contains(5L);
    assertThat(back.inputDetails()).isEqualTo(u.inputDetails());
    assertJsonEquals(
        UniversalUsage.builder().promptTokensExcludeCache(true).build().toJson(),
        "{'prompt_tokens_exclude_cache':true}");
  }

  // --- own tests ---

  @Test
  void exclusive_prompt_is_floored_at_zero_and_inclusive_empty_without_counts() {
    UniversalUsage u = UniversalUsage.builder().promptTokens(5L).promptCachedTokens(20L).build();
    assertThat(u.exclusivePromptTokens()).contains(0L);
    assertThat(UniversalUsage.builder().promptTokensExcludeCache(true).build().inclusivePromptTokens()).isEmpty();
    assertThat(UniversalUsage.EMPTY.exclusivePromptTokens()).isEmpty();
    assertThat(
            UniversalUsage.builder().promptCachedTokens(7L).promptTokensExcludeCache(true).build().inclusivePromptTokens())
        .contains(7L);
  }

  @Test
  void details_totals_win_over_flat_fields_in_prompt_math() {
    UniversalUsage u =
        UniversalUsage.builder()
            .promptTokens(100L)
            .promptCachedTokens(1L)
            .inputDetails(
                new InputTokenDetails(
                    Optional.empty(), Optional.of(TokenBreakdown.ofTotal(30)), Optional.empty(), Optional.empty()))
            .build();
    assertThat(u.exclusivePromptTokens()).contains(70L);
  }

  @Test
  void anthropic_ttl_split_fills_the_creation_total_and_reasoning_zero_is_dropped() {
    UniversalUsage u =
        UniversalUsage.fromProviderValue(
            json(
                "{'input_tokens':3,'output_tokens':4,'cache_creation':{'ephemeral_5m_input_tokens':5,"
                    + "'ephemeral_1h_input_tokens':6},'output_tokens_details':{'thinking_tokens':0}}"),
            ProviderFormat.VERTEX_ANTHROPIC);
    assertThat(u.promptCacheCreationTokens()).contains(11L);
    assertThat(u.totalTokens()).contains(18L);
    assertThat(u.completionReasoningTokens()).isEmpty();
    assertThat(u.promptTokensExcludeCache()).isTrue();
    assertThat(u.inclusivePromptTokens()).contains(14L);
  }

  @Test
  void chat_total_falls_back_to_sum_and_floats_are_not_integers() {
    UniversalUsage u =
        UniversalUsage.fromProviderValue(json("{'prompt_tokens':10,'completion_tokens':2.0}"), ProviderFormat.OPENAI);
    assertThat(u.completionTokens()).isEmpty();
    assertThat(u.totalTokens()).contains(10L);
    assertThat(UniversalUsage.fromProviderValue(json("'nope'"), ProviderFormat.OPENAI)).isEqualTo(UniversalUsage.EMPTY);
  }

  @Test
  void responses_output_always_has_details_with_zero_defaults() {
    assertJsonEquals(
        UniversalUsage.builder().promptTokens(1L).completionTokens(2L).build().toProviderValue(ProviderFormat.RESPONSES),
        "{'input_tokens':1,'output_tokens':2,'total_tokens':3,'input_tokens_details':{'cached_tokens':0},"
            + "'output_tokens_details':{'reasoning_tokens':0}}");
  }

  @Test
  void google_usage_metadata_reading_and_typed_writing() {
    UniversalUsage u =
        UniversalUsage.fromGoogle(
            obj(
                "{'promptTokenCount':10,'candidatesTokenCount':5,'thoughtsTokenCount':3,'toolUsePromptTokenCount':2,"
                    + "'cachedContentTokenCount':4,'promptTokensDetails':[{'modality':'TEXT','tokenCount':10}]}"));
    assertThat(u.promptTokens()).contains(12L);
    assertThat(u.completionTokens()).contains(8L);
    assertThat(u.totalTokens()).contains(20L);
    assertThat(u.completionReasoningTokens()).contains(3L);
    assertThat(u.promptCachedTokens()).contains(4L);
    assertThat(u.inputDetails().flatMap(InputTokenDetails::toolPrompt).flatMap(TokenBreakdown::totalTokens))
        .contains(2L);
    assertJsonEquals(
        u.toGoogleUsageMetadata(),
        "{'cachedContentTokenCount':4,'candidatesTokenCount':5,'promptTokenCount':10,"
            + "'promptTokensDetails':[{'modality':'TEXT','tokenCount':10}],'thoughtsTokenCount':3,"
            + "'toolUsePromptTokenCount':2,'totalTokenCount':20}");
    UniversalUsage empty = UniversalUsage.fromGoogle(obj("{}"));
    assertThat(empty.completionTokens()).contains(0L);
    assertThat(empty.totalTokens()).isEmpty();
    assertJsonEquals(empty.toGoogleUsageMetadata(), "{'candidatesTokenCount':0,'totalTokenCount':0}");
    assertJsonEquals(empty.toProviderValue(ProviderFormat.GOOGLE), "{'candidatesTokenCount':0,'totalTokenCount':0}");
  }

  @Test
  void extract_from_response_reads_the_usage_member() {
    assertThat(UniversalUsage.extractFromResponse(json("{'usage':{'prompt_tokens':1}}"), ProviderFormat.OPENAI))
        .map(UniversalUsage::promptTokens)
        .contains(Optional.of(1L));
    assertThat(UniversalUsage.extractFromResponse(json("{'usageMetadata':{}}"), ProviderFormat.GOOGLE)).isEmpty();
  }
}
