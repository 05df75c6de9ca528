package dev.llmrouter.translate.stream;

import static dev.llmrouter.translate.stream.StreamFixtures.data;
import static dev.llmrouter.translate.stream.StreamFixtures.j;
import static dev.llmrouter.translate.stream.StreamFixtures.num;
import static dev.llmrouter.translate.stream.StreamFixtures.raw;
import static dev.llmrouter.translate.stream.StreamFixtures.str;
import static dev.llmrouter.translate.stream.StreamFixtures.types;
import static dev.llmrouter.translate.stream.StreamFixtures.uni;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upstream error events become the client format's error event (issue 3; lingua forwards them unchanged),
 * unknown events are forwarded unchanged, and bad events fail with a client error.
 */
class StreamErrorAndDetectionTest {

  private static List<StreamChunk> push(TranslatingStreamSession session, StreamChunk chunk) {
    List<StreamChunk> out = new ArrayList<>();
    session.push(chunk, out::add);
    return out;
  }

  private static List<StreamChunk> push(ProviderFormat target, String event) {
    return push(new TranslatingStreamSession(target), raw(event));
  }

  @Test
  void anthropic_error_stays_an_anthropic_error_event() {
    String event = "{'type':'error','error':{'type':'overloaded_error','message':'Overloaded'}}";
    List<StreamChunk> out = push(ProviderFormat.ANTHROPIC, event);
    assertThat(types(out)).containsExactly("error");
    assertThat(data(out).get(0)).isEqualTo(j(event));
  }

  @Test
  void openai_error_becomes_an_anthropic_error_event() {
    List<StreamChunk> out =
        push(
            ProviderFormat.ANTHROPIC,
            "{'error':{'message':'Rate limit reached','type':'requests','param':null,'code':'rate_limit_exceeded'}}");
    assertThat(types(out)).containsExactly("error");
    assertThat(data(out).get(0))
        .isEqualTo(j("{'type':'error','error':{'type':'rate_limit_error','message':'Rate limit reached'}}"));
  }

  @Test
  void google_error_becomes_an_anthropic_error_event_by_status() {
    List<StreamChunk> out =
        push(
            ProviderFormat.ANTHROPIC,
            "{'error':{'code':503,'message':'The model is overloaded.','status':'UNAVAILABLE'}}");
    assertThat(data(out).get(0))
        .isEqualTo(j("{'type':'error','error':{'type':'overloaded_error','message':'The model is overloaded.'}}"));
  }

  @Test
  void anthropic_error_becomes_a_chat_error_chunk() {
    List<StreamChunk> out =
        push(ProviderFormat.OPENAI, "{'type':'error','error':{'type':'overloaded_error','message':'Overloaded'}}");
    assertThat(types(out)).containsExactly((String) null);
    assertThat(data(out).get(0))
        .isEqualTo(j("{'error':{'message':'Overloaded','type':'server_error','param':null,'code':null}}"));
  }

  @Test
  void chat_shaped_error_goes_to_a_chat_client_unchanged() {
    String event = "{'error':{'code':429,'message':'Quota exceeded','status':'RESOURCE_EXHAUSTED'}}";
    List<StreamChunk> out = push(ProviderFormat.OPENAI, event);
    assertThat(data(out).get(0)).isEqualTo(j(event));
  }

  @Test
  void responses_failure_becomes_an_anthropic_error_after_buffered_deltas() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    List<StreamChunk> out = new ArrayList<>();
    session.pushUniversal(
        uni("{'id':'c','model':'m','choices':[{'index':0,'delta':{'content':'Hi'},'finish_reason':'stop'}]}"),
        ProviderFormat.OPENAI,
        true,
        out::add);
    assertThat(types(out)).containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_stop");
    List<StreamChunk> error =
        push(
            session,
            raw(
                "{'type':'response.failed','response':{'id':'resp_1','status':'failed',"
                    + "'error':{'code':'server_error','message':'The server had an error'}}}"));
    assertThat(types(error)).containsExactly("message_delta", "message_stop", "error");
    assertThat(data(error).get(2))
        .isEqualTo(j("{'type':'error','error':{'type':'api_error','message':'The server had an error'}}"));
    List<StreamChunk> tail = new ArrayList<>();
    session.finish(tail::add);
    assertThat(tail).isEmpty();
  }

  @Test
  void error_closes_an_open_responses_response_with_response_failed() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.RESPONSES);
    List<StreamChunk> out = new ArrayList<>();
    session.pushUniversal(
        uni("{'id':'msg_1','model':'claude','choices':[{'index':0,'delta':{'role':'assistant','content':'Hel'}}]}",
            ProviderFormat.ANTHROPIC),
        ProviderFormat.ANTHROPIC,
        true,
        out::add);
    assertThat(types(out))
        .containsExactly("response.created", "response.output_item.added", "response.output_text.delta");
    List<StreamChunk> error =
        push(session, raw("{'type':'error','error':{'type':'overloaded_error','message':'Overloaded'}}"));
    assertThat(types(error)).containsExactly("error", "response.failed");
    List<JsonObject> events = data(error);
    assertThat(str(events.get(0), "code")).isEqualTo("server_error");
    assertThat(str(events.get(0), "message")).isEqualTo("Overloaded");
    assertThat(num(events.get(0), "sequence_number")).isEqualTo(3);
    assertThat(str(events.get(1), "response.id")).isEqualTo("msg_1");
    assertThat(str(events.get(1), "response.model")).isEqualTo("claude");
    assertThat(str(events.get(1), "response.status")).isEqualTo("failed");
    assertThat(str(events.get(1), "response.error.message")).isEqualTo("Overloaded");
    assertThat(num(events.get(1), "sequence_number")).isEqualTo(4);
  }

  @Test
  void error_before_any_response_is_a_single_responses_error_event() {
    List<StreamChunk> out =
        push(ProviderFormat.RESPONSES, "{'error':{'message':'bad key','type':'invalid_request_error','code':'invalid_api_key'}}");
    assertThat(types(out)).containsExactly("error");
    assertThat(data(out).get(0))
        .isEqualTo(j("{'type':'error','code':'invalid_api_key','message':'bad key','param':null,'sequence_number':0}"));
  }

  @Test
  void bedrock_exception_becomes_google_and_converse_errors() {
    String event = "{'throttlingException':{'message':'Too many requests'}}";
    assertThat(data(push(ProviderFormat.GOOGLE, event)).get(0))
        .isEqualTo(j("{'error':{'code':429,'message':'Too many requests','status':'RESOURCE_EXHAUSTED'}}"));
    assertThat(data(push(ProviderFormat.CONVERSE, event)).get(0))
        .isEqualTo(j("{'throttlingException':{'message':'Too many requests'}}"));
    assertThat(data(push(ProviderFormat.ANTHROPIC, event)).get(0))
        .isEqualTo(j("{'type':'error','error':{'type':'rate_limit_error','message':'Too many requests'}}"));
  }

  @Test
  void categories_map_between_formats() {
    assertThat(UpstreamStreamError.read(j("{'error':{'code':400,'message':'x'}}"), null).orElseThrow().category())
        .isEqualTo(UpstreamStreamError.Category.INVALID_REQUEST);
    assertThat(
            UpstreamStreamError.read(j("{'type':'error','error':{'type':'not_found_error','message':'x'}}"), "error")
                .orElseThrow()
                .eventFor(ProviderFormat.GOOGLE)
                .data())
        .isEqualTo(j("{'error':{'code':404,'message':'x','status':'NOT_FOUND'}}"));
    assertThat(UpstreamStreamError.read(j("{'error':'plain text'}"), null).orElseThrow().message())
        .isEqualTo("plain text");
    assertThat(UpstreamStreamError.read(j("{'type':'response.output_text.delta'}"), "response.output_text.delta"))
        .isEmpty();
    assertThat(UpstreamStreamError.read(j("{'hello':'world'}"), null)).isEmpty();
  }

  @Test
  void unknown_events_and_non_objects_are_forwarded_unchanged() {
    StreamChunk unknown = StreamChunk.ofUtf8("{\"hello\":\"world\"}", "custom");
    assertThat(push(new TranslatingStreamSession(ProviderFormat.ANTHROPIC), unknown)).containsExactly(unknown);
    StreamChunk array = StreamChunk.ofUtf8("[1,2]", null);
    assertThat(push(new TranslatingStreamSession(ProviderFormat.OPENAI), array)).containsExactly(array);
    StreamChunk keepAlive = StreamChunk.keepAlive();
    assertThat(push(new TranslatingStreamSession(ProviderFormat.OPENAI), keepAlive).get(0).isKeepAlive()).isTrue();
  }

  @Test
  void invalid_json_is_a_translation_error() {
    StreamChunk bad = StreamChunk.of("{not json".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> push(new TranslatingStreamSession(ProviderFormat.ANTHROPIC), bad))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void target_without_a_codec_forwards_every_event() {
    StreamChunk event = raw("{'type':'error','error':{'type':'api_error','message':'x'}}");
    assertThat(push(new TranslatingStreamSession(ProviderFormat.MISTRAL), event)).containsExactly(event);
  }

  @Test
  void finish_without_events_emits_nothing() {
    for (ProviderFormat f : ProviderFormat.values()) {
      List<StreamChunk> out = new ArrayList<>();
      new TranslatingStreamSession(f).finish(out::add);
      assertThat(out).as(f.id()).isEmpty();
    }
  }

  @Test
  void keep_alive_chunk_for_a_responses_target_is_a_bare_in_progress_event() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.RESPONSES);
    List<StreamChunk> out = new ArrayList<>();
    session.pushUniversal(UniversalStreamChunk.keepAliveChunk(), ProviderFormat.GOOGLE, true, out::add);
    assertThat(data(out).get(0)).isEqualTo(j("{'type':'response.in_progress','sequence_number':0}"));
  }
}
