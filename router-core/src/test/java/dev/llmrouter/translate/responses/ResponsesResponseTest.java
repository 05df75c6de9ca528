package dev.llmrouter.translate.responses;

import static dev.llmrouter.translate.responses.Js.assertAbsent;
import static dev.llmrouter.translate.responses.Js.assertAt;
import static dev.llmrouter.translate.responses.Js.assertJson;
import static dev.llmrouter.translate.responses.Js.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.ProgramOutputPart;
import dev.llmrouter.translate.ir.ProgramPart;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.ResponseRequirement;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolCaller;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Response conversion of the Responses codec (ports of lingua's responses_adapter.rs tests and own cases). */
class ResponsesResponseTest {
  private final ResponsesCodec codec = new ResponsesCodec();

  /** The response without the raw output kept for same-format round trips. */
  private static UniversalResponse withoutRawOutput(UniversalResponse r) {
    return r.toBuilder().extras(ProviderFormat.RESPONSES, null).build();
  }

  @Test
  void detect_response() {
    assertThat(codec.detectResponse(obj("{'object':'response','output':[]}"))).isTrue();
    assertThat(codec.detectResponse(obj("{'output':[]}"))).isFalse();
    assertThat(codec.detectResponse(obj("{'object':'response','output':{}}"))).isFalse();
  }

  @Test
  void responses_programmatic_output_items_convert_to_universal() {
    UniversalResponse u =
        codec.responseToUniversal(
            obj(
                "{'id':'resp_programmatic','object':'response','model':'gpt-5.6-terra','status':'completed','output':["
                    + "{'type':'program','id':'prog_123','call_id':'call_prog_123','code':'run()','fingerprint':'opaque_state'},"
                    + "{'type':'program_output','id':'prog_out_123','call_id':'call_prog_123','result':'{}','status':'completed'},"
                    + "{'type':'message','id':'msg_123','role':'assistant','status':'completed',"
                    + "'content':[{'type':'output_text','text':'Done.','annotations':[]}]}]}"));
    ProgramPart program = (ProgramPart) u.messages().get(0).content().get(0);
    assertThat(program.callId()).isEqualTo("call_prog_123");
    assertThat(program.fingerprint()).contains("opaque_state");
    ProgramOutputPart output = (ProgramOutputPart) u.messages().get(1).content().get(0);
    assertThat(output.result()).isEqualTo("{}");
    assertThat(output.status()).isEqualTo("completed");
    assertThat(u.messages().get(2).content()).containsExactly(TextPart.of("Done."));
    assertThat(u.finishReason()).contains(FinishReason.STOP);
  }

  @Test
  void responses_programmatic_callers_roundtrip_through_response_export() {
    UniversalResponse u =
        codec.responseToUniversal(
            obj(
                "{'id':'resp_p','object':'response','model':'gpt-5.6-terra','status':'completed','output':["
                    + "{'type':'function_call','id':'fc_123','call_id':'call_inventory_123','name':'get_inventory',"
                    + "'status':'in_progress','arguments':'{}','caller':{'type':'program','caller_id':'call_prog_123'}}]}"));
    ToolCallPart call = (ToolCallPart) u.messages().get(0).content().get(0);
    assertThat(call.caller()).contains(ToolCaller.program("call_prog_123"));
    assertThat(call.status()).contains("in_progress");
    assertThat(u.finishReason()).contains(FinishReason.TOOL_CALLS);
    JsonObject out = codec.responseFromUniversal(withoutRawOutput(u));
    assertAt(
        out,
        "/output/0",
        "{'type':'function_call','id':'fc_123','call_id':'call_inventory_123','name':'get_inventory',"
            + "'status':'in_progress','arguments':'{}','caller':{'type':'program','caller_id':'call_prog_123'}}");

    UniversalResponse toolResult =
        UniversalResponse.builder()
            .id("resp_x")
            .idFormat(ProviderFormat.RESPONSES)
            .messages(
                List.of(
                    Message.tool(
                        List.of(
                            ToolResultPart.builder()
                                .toolCallId("call_inventory_123")
                                .toolName("get_inventory")
                                .output(obj("{'sku':'sku_123','available_units':42}"))
                                .caller(ToolCaller.program("call_prog_123"))
                                .build()))))
            .build();
    assertAt(
        codec.responseFromUniversal(toolResult),
        "/output/0",
        "{'type':'function_call_output','call_id':'call_inventory_123','name':'get_inventory',"
            + "'caller':{'type':'program','caller_id':'call_prog_123'},"
            + "'output':'{\\\"available_units\\\":42,\\\"sku\\\":\\\"sku_123\\\"}','id':'msg_transformed_item_0'}");
  }

  @Test
  void responses_tool_search_output_reuses_null_call_id_from_previous_call() {
    UniversalResponse u =
        codec.responseToUniversal(
            obj(
                "{'object':'response','output':[{'type':'tool_search_call','id':'tsc_1','call_id':null,"
                    + "'status':'completed','execution':'server','arguments':{}},"
                    + "{'type':'tool_search_output','id':'tso_1','call_id':null,'status':'completed',"
                    + "'execution':'server','tools':[{'type':'function','name':'search_code','description':'Search code.'}]}]}"));
    ToolDiscoveryCallPart call = (ToolDiscoveryCallPart) u.messages().get(0).content().get(0);
    ToolDiscoveryResultPart result = (ToolDiscoveryResultPart) u.messages().get(1).content().get(0);
    assertThat(call.toolCallId()).isEqualTo("tsc_1");
    assertThat(result.toolCallId()).isEqualTo("tsc_1");
  }

  @Test
  void test_responses_status_is_incomplete_for_non_terminal_responses() {
    for (String status : List.of("queued", "in_progress", "failed", "cancelled", "incomplete")) {
      UniversalResponse u =
          codec.responseToUniversal(
              obj("{'id':'resp_123','object':'response','model':'gpt-5-mini','status':'" + status + "','output':[]}"));
      assertThat(u.parsableInfo().reusableForRequest(ResponseRequirement.ANY)).as(status).isFalse();
    }
  }

  @Test
  void responses_reasoning_then_message_preserves_output_item_ids_in_universal() {
    JsonObject body =
        obj(
            "{'id':'resp_123','object':'response','model':'gpt-5.5','status':'completed','output':["
                + "{'type':'reasoning','id':'rs_123','summary':[],'encrypted_content':'encrypted-reasoning'},"
                + "{'type':'message','id':'msg_123','status':'completed','role':'assistant',"
                + "'content':[{'type':'output_text','text':'visible answer','annotations':[]}]}]}");
    UniversalResponse u = codec.responseToUniversal(body);
    assertThat(u.messages()).hasSize(2);
    assertThat(u.messages().get(0).id()).contains("rs_123");
    assertThat(u.messages().get(0).content()).containsExactly(ReasoningPart.of("", "encrypted-reasoning"));
    assertThat(u.messages().get(1).id()).contains("msg_123");
    JsonObject out = codec.responseFromUniversal(withoutRawOutput(u));
    assertAt(out, "/output/0/id", "'rs_123'");
    assertAt(out, "/output/1/id", "'msg_123'");
    assertAt(out, "/output/0", "{'type':'reasoning','id':'rs_123','content':[],'summary':[],'encrypted_content':'encrypted-reasoning'}");
  }

  @Test
  void test_response_from_universal_always_sets_id_and_annotations() {
    UniversalResponse r =
        UniversalResponse.builder()
            .model("claude-sonnet-4-20250514")
            .messages(List.of(Message.assistant("Paris.")))
            .finishReason(FinishReason.STOP)
            .finishReasons(List.of(FinishReason.STOP))
            .build();
    JsonObject out = codec.responseFromUniversal(r);
    assertJson(
        out,
        "{'id':'resp_transformed','object':'response','model':'claude-sonnet-4-20250514','output':[{'type':'message',"
            + "'role':'assistant','content':[{'type':'output_text','text':'Paris.','annotations':[]}],"
            + "'id':'msg_transformed_item_0','status':'completed'}],'output_text':'Paris.','status':'completed',"
            + "'created_at':0,'tool_choice':'none','tools':[],'parallel_tool_calls':false,'incomplete_details':null}");
  }

  @Test
  void test_responses_empty_annotations_not_stored_in_universal() {
    UniversalResponse u =
        codec.responseToUniversal(
            obj(
                "{'object':'response','status':'completed','output':[{'type':'message','role':'assistant',"
                    + "'content':[{'type':'output_text','text':'Hello!','annotations':[]}]}]}"));
    assertThat(((TextPart) u.messages().get(0).content().get(0)).providerOptions()).isEmpty();
  }

  @Test
  void annotations_logprobs_and_phase_survive_a_round_trip() {
    JsonObject body =
        obj(
            "{'object':'response','status':'completed','output':[{'type':'message','id':'m1','role':'assistant',"
                + "'status':'completed','phase':'final_answer','content':[{'type':'output_text','text':'See [1]',"
                + "'annotations':[{'type':'url_citation','url':'https://x.test','start_index':4,'end_index':7,"
                + "'title':'X'}],'logprobs':[]}]}]}");
    UniversalResponse u = codec.responseToUniversal(body);
    TextPart t = (TextPart) u.messages().get(0).content().get(0);
    assertJson(
        t.providerOptions().orElseThrow(),
        "{'annotations':[{'type':'url_citation','url':'https://x.test','start_index':4,'end_index':7,'title':'X'}],"
            + "'logprobs':[],'_output_item_phase':'final_answer'}");
    assertAt(codec.responseFromUniversal(withoutRawOutput(u)), "/output", body.getArray("output").orElseThrow().toJson());
  }

  @Test
  void builtin_output_items_are_provider_executed_and_do_not_force_tool_calls() {
    JsonObject body =
        obj(
            "{'object':'response','status':'completed','output':[{'type':'web_search_call','id':'ws_1',"
                + "'status':'completed','action':{'type':'search','query':'q'}},"
                + "{'type':'code_interpreter_call','id':'ci_1','status':'completed','code':'print(1)',"
                + "'container_id':'cntr','outputs':null}]}");
    UniversalResponse u = codec.responseToUniversal(body);
    ToolCallPart ws = (ToolCallPart) u.messages().get(0).content().get(0);
    assertThat(ws.isProviderExecuted()).isTrue();
    assertThat(ws.toolCallId()).isEqualTo("ws_1");
    assertThat(u.finishReason()).contains(FinishReason.STOP);
    JsonObject out = codec.responseFromUniversal(withoutRawOutput(u));
    assertAt(out, "/output/0", "{'type':'web_search_call','id':'ws_1','status':'completed','action':{'type':'search','query':'q'}}");
    assertAt(
        out,
        "/output/1",
        "{'type':'code_interpreter_call','id':'ci_1','status':'completed','code':'print(1)','container_id':'cntr'}");
  }

  @Test
  void custom_tool_calls_and_usage() {
    JsonObject body =
        obj(
            "{'id':'resp_1','object':'response','model':'gpt-5.5','status':'completed','service_tier':'default',"
                + "'output':[{'type':'custom_tool_call','id':'ctc_1','call_id':'call_1','name':'exec','input':'ls',"
                + "'status':'completed'}],"
                + "'usage':{'input_tokens':10,'input_tokens_details':{'cached_tokens':4},'output_tokens':5,"
                + "'output_tokens_details':{'reasoning_tokens':2},'total_tokens':15}}");
    UniversalResponse u = codec.responseToUniversal(body);
    ToolCallPart call = (ToolCallPart) u.messages().get(0).content().get(0);
    assertThat(call.arguments()).isEqualTo(ToolArguments.custom("ls"));
    assertThat(u.finishReason()).contains(FinishReason.TOOL_CALLS);
    assertThat(u.servedServiceTier()).contains(ServedServiceTier.DEFAULT);
    UniversalUsage usage = u.usage().orElseThrow();
    assertThat(usage.promptTokens()).contains(10L);
    assertThat(usage.promptCachedTokens()).contains(4L);
    assertThat(usage.completionReasoningTokens()).contains(2L);
    JsonObject out = codec.responseFromUniversal(withoutRawOutput(u));
    assertAt(out, "/id", "'resp_1'");
    assertAt(out, "/status", "'completed'");
    assertAt(out, "/service_tier", "'default'");
    assertAt(out, "/output/0", body.getArray("output").orElseThrow().get(0).toJson());
    assertAt(
        out,
        "/usage",
        "{'input_tokens':10,'output_tokens':5,'total_tokens':15,'input_tokens_details':{'cached_tokens':4},"
            + "'output_tokens_details':{'reasoning_tokens':2}}");
  }

  @Test
  void finish_reasons_map_to_status() {
    UniversalResponse length =
        UniversalResponse.builder().messages(List.of(Message.assistant("x"))).finishReason(FinishReason.LENGTH).build();
    assertAt(codec.responseFromUniversal(length), "/status", "'incomplete'");
    UniversalResponse filter =
        UniversalResponse.builder().messages(List.of()).finishReason(FinishReason.CONTENT_FILTER).build();
    assertAt(codec.responseFromUniversal(filter), "/status", "'incomplete'");
    UniversalResponse tools =
        UniversalResponse.builder().messages(List.of()).finishReason(FinishReason.TOOL_CALLS).build();
    assertAt(codec.responseFromUniversal(tools), "/status", "'completed'");
    UniversalResponse none = UniversalResponse.builder().messages(List.of()).build();
    assertAt(codec.responseFromUniversal(none), "/status", "'completed'");
    assertAbsent(codec.responseFromUniversal(none), "/usage");
  }

  @Test
  void mixed_assistant_message_becomes_several_output_items() {
    UniversalResponse r =
        UniversalResponse.builder()
            .id("msg_abc")
            .idFormat(ProviderFormat.ANTHROPIC)
            .messages(
                List.of(
                    Message.assistant(
                        List.of(
                            ReasoningPart.of("think", "sig"),
                            TextPart.of("Checking."),
                            ToolCallPart.of("toolu_1", "get_weather", ToolArguments.fromString("{\"city\":\"SF\"}"))))))
            .build();
    JsonObject out = codec.responseFromUniversal(r);
    assertAt(out, "/id", "'resp_abc'");
    assertAt(out, "/output_text", "'Checking.'");
    assertAt(
        out,
        "/output",
        "[{'type':'reasoning','content':[],'summary':[{'type':'summary_text','text':'think'}],"
            + "'encrypted_content':'sig','id':'msg_transformed_item_0'},"
            + "{'type':'message','role':'assistant','content':[{'type':'output_text','text':'Checking.',"
            + "'annotations':[]}],'status':'completed','id':'msg_transformed_item_1'},"
            + "{'type':'function_call','call_id':'toolu_1','name':'get_weather',"
            + "'arguments':'{\\\"city\\\":\\\"SF\\\"}','status':'completed','id':'msg_transformed_item_2'}]");
  }

  @Test
  void unknown_output_items_are_skipped_and_bad_ones_refused() {
    UniversalResponse u =
        codec.responseToUniversal(
            obj("{'object':'response','output':[{'type':'computer_call_output','call_id':'c'},{'role':'assistant'}]}"));
    assertThat(u.messages()).isEmpty();
    assertThatThrownBy(() -> codec.responseToUniversal(obj("{'object':'response'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("output");
    assertThatThrownBy(() -> codec.responseToUniversal(obj("{'object':'response','output':[{'type':'mystery'}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("output[0].type");
    assertThatThrownBy(
            () -> codec.responseToUniversal(obj("{'object':'response','output':[],'service_tier':'gold'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("service_tier");
  }

  @Test
  void raw_output_is_reused_for_an_unchanged_same_format_round_trip() {
    JsonObject body =
        obj(
            "{'object':'response','status':'completed','output':[{'id':'rs_1','type':'reasoning','summary':[]},"
                + "{'id':'m','type':'message','role':'assistant','status':'completed','content':[{'type':'output_text',"
                + "'text':'Hi','annotations':[]}]}]}");
    UniversalResponse u = codec.responseToUniversal(body);
    assertAt(codec.responseFromUniversal(u), "/output", body.getArray("output").orElseThrow().toJson());
    // lingua's own conversion adds the reasoning item's empty content.
    assertAt(codec.responseFromUniversal(withoutRawOutput(u)), "/output/0/content", "[]");
    UniversalResponse changed = u.toBuilder().messages(List.of(Message.assistant("Bye"))).build();
    assertAt(codec.responseFromUniversal(changed), "/output/0/content/0/text", "'Bye'");
  }
}
