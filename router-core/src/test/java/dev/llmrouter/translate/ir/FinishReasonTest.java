package dev.llmrouter.translate.ir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of lingua's finish-reason tests (universal/response.rs) and the spec 2.9 tables. */
class FinishReasonTest {

  private static final List<ProviderFormat> ANTHROPIC_FAMILY =
      List.of(ProviderFormat.ANTHROPIC, ProviderFormat.BEDROCK_ANTHROPIC, ProviderFormat.VERTEX_ANTHROPIC);

  @Test
  void test_incomplete_finish_reasons() {
    assertThat(FinishReason.STOP.isIncomplete()).isFalse();
    assertThat(FinishReason.LENGTH.isIncomplete()).isTrue();
    assertThat(FinishReason.TOOL_CALLS.isIncomplete()).isFalse();
    assertThat(FinishReason.CONTENT_FILTER.isIncomplete()).isTrue();
    for (String s : List.of("queued", "in_progress", "failed", "cancelled")) {
      assertThat(FinishReason.other(s).isIncomplete()).as(s).isTrue();
    }
    assertThat(FinishReason.other("done").isIncomplete()).isFalse();
  }

  @Test
  void test_google_escalation_string_maps_to_content_filter() {
    assertThat(FinishReason.fromProviderString("ESCALATION", ProviderFormat.GOOGLE))
        .isEqualTo(FinishReason.CONTENT_FILTER);
  }

  @Test
  void test_anthropic_refusal_maps_to_content_filter() {
    for (ProviderFormat p : ANTHROPIC_FAMILY) {
      assertThat(FinishReason.fromProviderString("refusal", p)).as(p.id()).isEqualTo(FinishReason.CONTENT_FILTER);
    }
  }

  @Test
  void test_anthropic_context_window_exceeded_maps_to_length() {
    assertThat(FinishReason.parse("model_context_window_exceeded")).isEqualTo(FinishReason.LENGTH);
    for (ProviderFormat p :
        List.of(
            ProviderFormat.ANTHROPIC,
            ProviderFormat.BEDROCK_ANTHROPIC,
            ProviderFormat.VERTEX_ANTHROPIC,
            ProviderFormat.CONVERSE)) {
      assertThat(FinishReason.fromProviderString("model_context_window_exceeded", p))
          .as(p.id())
          .isEqualTo(FinishReason.LENGTH);
    }
  }

  @Test
  void test_content_filter_roundtrips_as_refusal_for_anthropic() {
    for (ProviderFormat p : ANTHROPIC_FAMILY) {
      String wire = FinishReason.CONTENT_FILTER.toProviderString(p);
      assertThat(wire).isEqualTo("refusal");
      assertThat(FinishReason.fromProviderString(wire, p)).isEqualTo(FinishReason.CONTENT_FILTER);
    }
  }

  @Test
  void test_refusal_in_fromstr_maps_to_content_filter() {
    assertThat(FinishReason.parse("refusal")).isEqualTo(FinishReason.CONTENT_FILTER);
  }

  @Test
  void test_google_safety_related_strings_map_to_content_filter() {
    for (String s :
        List.of("SAFETY", "RECITATION", "OTHER", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "ESCALATION")) {
      assertThat(FinishReason.fromProviderString(s, ProviderFormat.GOOGLE)).as(s).isEqualTo(FinishReason.CONTENT_FILTER);
    }
  }

  // --- own tests: the spec 2.9 output table and parser differences ---

  @Test
  void output_table_of_spec_2_9() {
    String[][] rows = {
      // IR, Chat, Responses, Anthropic, Converse, Google
      {"stop", "stop", "completed", "end_turn", "end_turn", "STOP"},
      {"length", "length", "incomplete", "max_tokens", "max_tokens", "MAX_TOKENS"},
      {"tool_calls", "tool_calls", "completed", "tool_use", "tool_use", "STOP"},
      {"content_filter", "content_filter", "incomplete", "refusal", "content_filtered", "SAFETY"},
      {"pause_turn", "pause_turn", "pause_turn", "pause_turn", "pause_turn", "pause_turn"},
    };
    ProviderFormat[] cols = {
      ProviderFormat.OPENAI, ProviderFormat.RESPONSES, ProviderFormat.ANTHROPIC, ProviderFormat.CONVERSE, ProviderFormat.GOOGLE
    };
    for (String[] row : rows) {
      FinishReason r = FinishReason.parse(row[0]);
      for (int i = 0; i < cols.length; i++) {
        assertThat(r.toProviderString(cols[i])).as(row[0] + " -> " + cols[i]).isEqualTo(row[i + 1]);
      }
      assertThat(r.toProviderString(ProviderFormat.BEDROCK_ANTHROPIC)).isEqualTo(row[3]);
      assertThat(r.toProviderString(ProviderFormat.VERTEX_ANTHROPIC)).isEqualTo(row[3]);
      assertThat(r.toProviderString(ProviderFormat.MISTRAL)).isEqualTo(row[1]);
    }
  }

  @Test
  void generic_parse_is_case_insensitive_and_keeps_the_original_text() {
    assertThat(FinishReason.parse("END_TURN")).isEqualTo(FinishReason.STOP);
    assertThat(FinishReason.parse("Max_Output_Tokens")).isEqualTo(FinishReason.LENGTH);
    assertThat(FinishReason.parse("SAFETY")).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(FinishReason.parse("content_filtered")).isEqualTo(FinishReason.CONTENT_FILTER);
    FinishReason other = FinishReason.parse("Pause_Turn");
    assertThat(other.isOther()).isTrue();
    assertThat(other.otherValue()).contains("Pause_Turn");
    assertThat(other.toString()).isEqualTo("Pause_Turn");
    assertThat(FinishReason.TOOL_CALLS.toString()).isEqualTo("tool_calls");
  }

  @Test
  void provider_parse_is_format_gated_and_case_sensitive() {
    assertThat(FinishReason.fromProviderString("end_turn", ProviderFormat.OPENAI)).isEqualTo(FinishReason.other("end_turn"));
    assertThat(FinishReason.fromProviderString("STOP", ProviderFormat.OPENAI)).isEqualTo(FinishReason.other("STOP"));
    assertThat(FinishReason.fromProviderString("stop", ProviderFormat.GOOGLE)).isEqualTo(FinishReason.STOP);
    assertThat(FinishReason.fromProviderString("completed", ProviderFormat.ANTHROPIC)).isEqualTo(FinishReason.other("completed"));
    assertThat(FinishReason.fromProviderString("incomplete", ProviderFormat.RESPONSES)).isEqualTo(FinishReason.LENGTH);
    assertThat(FinishReason.fromProviderString("refusal", ProviderFormat.CONVERSE)).isEqualTo(FinishReason.other("refusal"));
    assertThat(FinishReason.fromProviderString("content_filtered", ProviderFormat.CONVERSE)).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(FinishReason.fromProviderString("TOOL_CALLS", ProviderFormat.GOOGLE)).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(FinishReason.fromProviderString("tool_use", ProviderFormat.CONVERSE)).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(FinishReason.fromProviderString("content_filter", ProviderFormat.ANTHROPIC)).isEqualTo(FinishReason.CONTENT_FILTER);
  }

  @Test
  void google_other_differs_between_stream_and_response_paths() {
    assertThat(FinishReason.fromProviderString("OTHER", ProviderFormat.GOOGLE)).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(FinishReason.fromGoogleResponse("OTHER")).isEqualTo(FinishReason.other("OTHER"));
    assertThat(FinishReason.fromGoogleResponse("SPII")).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(FinishReason.fromGoogleResponse("MAX_TOKENS")).isEqualTo(FinishReason.LENGTH);
    assertThat(FinishReason.fromGoogleResponse("MALFORMED_FUNCTION_CALL"))
        .isEqualTo(FinishReason.other("MALFORMED_FUNCTION_CALL"));
  }

  @Test
  void other_equality_is_by_value() {
    assertThat(FinishReason.other("x")).isEqualTo(FinishReason.other("x")).isNotEqualTo(FinishReason.other("y"));
    assertThat(FinishReason.other("stop")).isNotEqualTo(FinishReason.STOP);
    assertThat(FinishReason.other("x").hashCode()).isEqualTo(FinishReason.other("x").hashCode());
  }
}
