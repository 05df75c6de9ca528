package dev.llmrouter.translate.converse;

import static dev.llmrouter.translate.converse.Json.obj;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.TranslationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed Converse input gives a client error, never a crash (NPE, ClassCastException, ...). */
class ConverseBadInputTest {
  private final ConverseCodec codec = new ConverseCodec();

  private static final List<String> BAD_REQUESTS =
      List.of(
          "{'modelId':'m','messages':{}}",
          "{'modelId':'m','messages':[[]]}",
          "{'modelId':'m','messages':[{'role':5,'content':[]}]}",
          "{'modelId':'m','messages':[{'role':'user','content':{}}]}",
          "{'modelId':'m','messages':[{'role':'user','content':[5]}]}",
          "{'modelId':'m','messages':[{'role':'user','content':[{}]}]}",
          "{'modelId':'m','messages':[{'role':'user','content':[{'image':5}]}]}",
          "{'modelId':'m','messages':[{'role':'user','content':[{'image':{'format':'png'}}]}]}",
          "{'modelId':'m','messages':[{'role':'user','content':[{'image':{'format':1,'source':{}}}]}]}",
          "{'modelId':'m','messages':[{'role':'user','content':[{'document':{'format':'pdf','source':3}}]}]}",
          "{'modelId':'m','messages':[{'role':'user','content':[{'toolResult':'x'}]}]}",
          "{'modelId':'m','messages':[{'role':'user','content':[{'toolResult':{'toolUseId':'t'}}]}]}",
          "{'modelId':'m','messages':[{'role':'user','content':[{'toolResult':{'toolUseId':'t','content':[7]}}]}]}",
          "{'modelId':'m','messages':[{'role':'user','content':[{'toolResult':{'toolUseId':'t','content':[{'video':{}}]}}]}]}",
          "{'modelId':'m','messages':[{'role':'assistant','content':[{'toolUse':[]}]}]}",
          "{'modelId':'m','messages':[{'role':'assistant','content':[{'toolUse':{'toolUseId':1,'name':'f','input':{}}}]}]}",
          "{'modelId':'m','messages':[{'role':'assistant','content':[{'reasoningContent':'x'}]}]}",
          "{'modelId':'m','messages':[{'role':'assistant','content':[{'reasoningContent':{'reasoningText':{'text':'a','signature':1}}}]}]}",
          "{'modelId':'m','messages':[{'role':'assistant','content':[{'reasoningContent':{}}]}]}",
          "{'modelId':'m','messages':[],'inferenceConfig':[]}",
          "{'modelId':'m','messages':[],'inferenceConfig':{'temperature':'hot'}}",
          "{'modelId':'m','messages':[],'inferenceConfig':{'maxTokens':1.5}}",
          "{'modelId':'m','messages':[],'inferenceConfig':{'stopSequences':'x'}}",
          "{'modelId':'m','messages':[],'toolConfig':5}",
          "{'modelId':'m','messages':[],'toolConfig':{}}",
          "{'modelId':'m','messages':[],'toolConfig':{'tools':[5]}}",
          "{'modelId':'m','messages':[],'toolConfig':{'tools':[{'toolSpec':5}]}}",
          "{'modelId':'m','messages':[],'toolConfig':{'tools':[{'toolSpec':{}}]}}",
          "{'modelId':'m','messages':[],'toolConfig':{'tools':[],'toolChoice':'any'}}",
          "{'modelId':'m','messages':[],'toolConfig':{'tools':[],'toolChoice':{'tool':{}}}}",
          "{'modelId':'m','messages':[],'toolConfig':{'tools':[],'toolChoice':{'some':{}}}}",
          "{'modelId':'m','messages':[],'system':{}}",
          "{'modelId':[],'messages':[]}",
          "{'modelId':'m','messages':null}");

  @Test
  void bad_requests_are_client_errors() {
    for (String body : BAD_REQUESTS) {
      assertThatThrownBy(() -> codec.requestToUniversal(obj(body)))
          .as(body)
          .isInstanceOf(TranslationException.class);
    }
  }

  private static final List<String> BAD_RESPONSES =
      List.of(
          "{'output':5}",
          "{'output':{'message':5}}",
          "{'output':{'message':{'content':[]}}}",
          "{'output':{'message':{'role':'assistant'}}}",
          "{'output':{'message':{'role':'assistant','content':[5]}}}",
          "{'output':{'message':{'role':'assistant','content':[]}},'serviceTier':'fast'}",
          "{'output':{'message':{'role':'assistant','content':[]}},'serviceTier':{'type':1}}");

  @Test
  void bad_responses_are_client_errors() {
    for (String body : BAD_RESPONSES) {
      assertThatThrownBy(() -> codec.responseToUniversal(obj(body)))
          .as(body)
          .isInstanceOf(TranslationException.class);
    }
  }

  private static final List<String> BAD_EVENTS =
      List.of(
          "{}",
          "{'messageStart':{}}",
          "{'messageStart':5}",
          "{'contentBlockStart':{'contentBlockIndex':0}}",
          "{'contentBlockDelta':{'delta':{'text':'x'}}}",
          "{'contentBlockDelta':{'contentBlockIndex':'0','delta':{}}}",
          "{'contentBlockStop':{'contentBlockIndex':1.5}}",
          "{'messageStop':{'stopReason':1}}",
          "{'metadata':{'usage':{'inputTokens':'1','outputTokens':1,'totalTokens':2}}}",
          "{'metadata':{'metrics':{}}}",
          "{'metadata':5}");

  @Test
  void bad_stream_events_are_client_errors() {
    for (String event : BAD_EVENTS) {
      assertThatThrownBy(() -> codec.streamToUniversal(obj(event)))
          .as(event)
          .isInstanceOf(TranslationException.class);
    }
  }
}
