package dev.llmrouter.translate.stream;

import static dev.llmrouter.translate.stream.StreamFixtures.data;
import static dev.llmrouter.translate.stream.StreamFixtures.num;
import static dev.llmrouter.translate.stream.StreamFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.stream.StreamChunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Chat Completions upstream sends usage in its own chunk after the finish chunk (stream_options
 * include_usage): a Responses client must still get it in {@code response.completed}.
 */
class ResponsesUsageAfterFinishTest {
  private final TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.RESPONSES);
  private final List<StreamChunk> out = new ArrayList<>();

  private void push(String json) {
    session.push(StreamChunk.of(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)), out::add);
  }

  private static final String FIRST =
      "{'id':'chatcmpl-1','object':'chat.completion.chunk','created':1,'model':'gpt-4o-mini',"
          + "'choices':[{'index':0,'delta':{'role':'assistant','content':'Hi'},'finish_reason':null}]}";
  private static final String FINISH =
      "{'id':'chatcmpl-1','object':'chat.completion.chunk','created':1,'model':'gpt-4o-mini',"
          + "'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}";
  private static final String USAGE =
      "{'id':'chatcmpl-1','object':'chat.completion.chunk','created':1,'model':'gpt-4o-mini','choices':[],"
          + "'usage':{'prompt_tokens':7,'completion_tokens':2,'total_tokens':9}}";

  @Test
  void usageFromTheChunkAfterTheFinishLandsInResponseCompleted() {
    push(FIRST);
    push(FINISH);
    assertThat(types(out)).doesNotContain("response.completed");
    push(USAGE);
    session.finish(out::add);

    List<String> types = types(out);
    assertThat(types.get(types.size() - 1)).isEqualTo("response.completed");
    assertThat(types).containsOnlyOnce("response.completed");
    var completed = data(out).get(out.size() - 1);
    assertThat(num(completed, "response.usage.input_tokens")).isEqualTo(7L);
    assertThat(num(completed, "response.usage.output_tokens")).isEqualTo(2L);
    // Sequence numbers still increase through the held event.
    List<Long> seq = new ArrayList<>();
    for (var e : data(out)) {
      seq.add(num(e, "sequence_number"));
    }
    for (int i = 1; i < seq.size(); i++) {
      assertThat(seq.get(i)).isGreaterThan(seq.get(i - 1));
    }
  }

  @Test
  void withoutAUsageChunkTheCompletedEventComesAtTheEndOfTheStream() {
    push(FIRST);
    push(FINISH);
    session.finish(out::add);

    List<String> types = types(out);
    assertThat(types.get(types.size() - 1)).isEqualTo("response.completed");
    assertThat(types).containsOnlyOnce("response.completed");
  }
}
