package dev.llmrouter.benchmarks;

import dev.llmrouter.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** Complete-response translation over every dev response vector of a pair, against the baseline. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResponseTransformBenchmark {
  @Param({
    "anthropic_to_chat-completions", "chat-completions_to_anthropic", "chat-completions_to_bedrock",
    "chat-completions_to_google", "chat-completions_to_responses", "responses_to_anthropic"
  })
  public String pair;

  private List<Corpus.Item> items;
  private int next;

  @Setup
  public void setUp() {
    items = new ArrayList<>();
    for (Corpus.Item item : Corpus.load("response", pair)) {
      try {
        Translator.transformResponse(item.input(), item.target());
        items.add(item);
      } catch (RuntimeException notTranslatable) {
        // only vectors the engine translates are timed
      }
    }
    if (items.isEmpty()) {
      throw new IllegalStateException("no translatable response vectors for " + pair);
    }
  }

  private Corpus.Item nextItem() {
    Corpus.Item item = items.get(next);
    next = next + 1 == items.size() ? 0 : next + 1;
    return item;
  }

  @Benchmark
  public byte[] transform() {
    Corpus.Item item = nextItem();
    return Translator.transformResponse(item.input(), item.target()).body();
  }

  @Benchmark
  public byte[] baselineParseAndRewrite() {
    return JsonBaseline.parseAndRewrite(nextItem().input());
  }
}
