package dev.llmrouter.benchmarks;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.translate.FormatCodec;
import dev.llmrouter.translate.RequestShape;
import dev.llmrouter.translate.RequestTransform;
import dev.llmrouter.translate.Translator;
import dev.llmrouter.translate.ir.MessageTransforms;
import dev.llmrouter.translate.ir.UniversalRequest;
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
 * The phases of {@link RequestTransformBenchmark}'s cross-format request transform, each timed alone over
 * the same vectors: parse (one pass to a tree, with the format features read from it), read (the source
 * codec into the IR, with the model override, target normalization and defaults), emit (the IR into the
 * target's tree), and write (the tree to bytes). Where the transform's time goes, pair by pair.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestPhaseBenchmark {
  @Param({
    "anthropic_to_chat-completions", "anthropic_to_google", "anthropic_to_responses",
    "chat-completions_to_anthropic", "chat-completions_to_bedrock", "chat-completions_to_google",
    "chat-completions_to_responses", "google_to_anthropic", "google_to_chat-completions",
    "google_to_responses", "responses_to_anthropic", "responses_to_google"
  })
  public String pair;

  /** One translated vector with every intermediate form precomputed. */
  private record Case(
      byte[] input,
      JsonObject tree,
      FormatCodec from,
      FormatCodec to,
      ProviderFormat target,
      Corpus.Item item,
      UniversalRequest universal,
      JsonObject out) {}

  private List<Case> cases;
  private int next;

  @Setup
  public void setUp() {
    cases = new ArrayList<>();
    for (Corpus.Item item : Corpus.load("request", pair)) {
      RequestTransform t;
      try {
        t = Translator.transformRequest(item.input(), item.target(), item.model());
      } catch (RuntimeException notTranslatable) {
        continue;
      }
      if (t.isPassthrough()) {
        continue;
      }
      RequestShape shape = RequestShape.parse(item.input());
      JsonObject tree = shape.tree().orElseThrow();
      FormatCodec from = Translator.codec(t.sourceFormat().orElseThrow());
      FormatCodec to = Translator.codec(t.targetFormat());
      UniversalRequest u = read(from, to, t.targetFormat(), item, tree);
      cases.add(new Case(item.input(), tree, from, to, t.targetFormat(), item, u, to.requestFromUniversal(u)));
    }
    if (cases.isEmpty()) {
      throw new IllegalStateException("no translatable request vectors for " + pair);
    }
  }

  private static UniversalRequest read(
      FormatCodec from, FormatCodec to, ProviderFormat target, Corpus.Item item, JsonObject tree) {
    from.requestRequiresJsonResponse(tree);
    UniversalRequest u = from.requestToUniversal(tree);
    if (item.model().isPresent()) {
      u = u.withModel(item.model());
    }
    u = MessageTransforms.normalizeForTarget(u, target);
    return to.applyDefaults(u);
  }

  private Case nextCase() {
    Case c = cases.get(next);
    next = next + 1 == cases.size() ? 0 : next + 1;
    return c;
  }

  @Benchmark
  public RequestShape parse() {
    return RequestShape.parse(nextCase().input());
  }

  @Benchmark
  public UniversalRequest read() {
    Case c = nextCase();
    return read(c.from(), c.to(), c.target(), c.item(), c.tree());
  }

  @Benchmark
  public JsonObject emit() {
    Case c = nextCase();
    return c.to().requestFromUniversal(c.universal());
  }

  @Benchmark
  public byte[] write() {
    return JsonTree.write(nextCase().out());
  }

  @Benchmark
  public byte[] baselineParseAndRewrite() {
    return JsonBaseline.parseAndRewrite(nextCase().input());
  }
}
