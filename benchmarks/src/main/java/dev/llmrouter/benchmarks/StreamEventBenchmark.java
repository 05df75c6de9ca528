package dev.llmrouter.benchmarks;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.stream.StreamSession;
import dev.llmrouter.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Stream translation cost per upstream event: every dev stream vector of a pair is replayed event by
 * event through a fresh session (one event per operation; a stream's finish is charged to its last event).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StreamEventBenchmark {
  @Param({
    "anthropic_to_chat-completions", "chat-completions_to_anthropic", "chat-completions_to_bedrock",
    "chat-completions_to_google", "chat-completions_to_responses", "responses_to_anthropic"
  })
  public String pair;

  private record Replay(ProviderFormat target, List<StreamChunk> events) {}

  private List<Replay> replays;
  private int stream;
  private int event;
  private StreamSession session;

  @Setup
  public void setUp() {
    replays = new ArrayList<>();
    for (Corpus.Item item : Corpus.load("stream", pair)) {
      List<StreamChunk> events = new ArrayList<>();
      for (JsonValue e : item.inputTree().asArray().orElseThrow()) {
        events.add(StreamChunk.of(JsonTree.write(e)));
      }
      replays.add(new Replay(item.target(), events));
    }
    session = Translator.newStreamSession(replays.get(0).target());
  }

  /** The reference cost: jackson-core parses the same event and writes it back, event by event in turn. */
  @Benchmark
  public byte[] baselineParseAndRewrite() {
    Replay r = replays.get(stream);
    byte[] out = JsonBaseline.parseAndRewrite(r.events().get(event).data());
    if (++event == r.events().size()) {
      event = 0;
      stream = stream + 1 == replays.size() ? 0 : stream + 1;
    }
    return out;
  }

  @Benchmark
  public void pushOneEvent(Blackhole bh) {
    Replay r = replays.get(stream);
    Consumer<StreamChunk> sink = bh::consume;
    session.push(r.events().get(event), sink);
    if (++event == r.events().size()) {
      session.finish(sink);
      event = 0;
      stream = stream + 1 == replays.size() ? 0 : stream + 1;
      session = Translator.newStreamSession(replays.get(stream).target());
    }
  }
}
