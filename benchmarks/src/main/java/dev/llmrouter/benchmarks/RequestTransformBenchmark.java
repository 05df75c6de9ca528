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

/**
 * Cross-format request translation over every dev request vector of a pair, one vector per operation in
 * turn, against the parse-and-rewrite baseline over the same bodies.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestTransformBenchmark {
  @Param({
    "anthropic_to_chat-completions", "anthropic_to_google", "anthropic_to_responses",
    "chat-completions_to_anthropic", "chat-completions_to_bedrock", "chat-completions_to_google",
    "chat-completions_to_responses", "google_to_anthropic", "google_to_chat-completions",
    "google_to_responses", "responses_to_anthropic", "responses_to_google"
  })
  public String pair;

  private List<Corpus.Item> items;
  private int next;

  @Setup
  public void setUp() {
    items = new ArrayList<>();
    for (Corpus.Item item : Corpus.load("request", pair)) {
      try {
        Translator.transformRequest(item.input(), item.target(), item.model());
        items.add(item);
      } catch (RuntimeException notTranslatable) {
        // only vectors the engine translates are timed
      }
    }
    if (items.isEmpty()) {
      throw new IllegalStateException("no translatable request vectors for " + pair);
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
    return Translator.transformRequest(item.input(), item.target(), item.model()).body();
  }

  @Benchmark
  public byte[] baselineParseAndRewrite() {
    return JsonBaseline.parseAndRewrite(nextItem().input());
  }
}
