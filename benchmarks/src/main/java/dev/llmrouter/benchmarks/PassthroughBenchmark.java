package dev.llmrouter.benchmarks;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.translate.PayloadEdits;
import dev.llmrouter.translate.RequestShape;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
 * Same-format pass-through preparation of a Chat body: the one scan plus the model splice. With a
 * matching model nothing proportional to the body is allocated (compare B/op across sizes with
 * {@code -prof gc}); a different model costs one copy of the body.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PassthroughBenchmark {
  /** Approximate body size in KiB. */
  @Param({"2", "64"})
  public int sizeKb;

  private byte[] body;

  @Setup
  public void setUp() {
    StringBuilder sb = new StringBuilder("{\"model\":\"gpt-4o-mini\",\"temperature\":0.7,\"messages\":[");
    String filler = "The quick brown fox jumps over the lazy dog. ";
    int i = 0;
    while (sb.length() < sizeKb * 1024) {
      sb.append(i == 0 ? "" : ",").append("{\"role\":\"").append(i % 2 == 0 ? "user" : "assistant")
          .append("\",\"content\":\"").append(filler.repeat(8)).append("\"}");
      i++;
    }
    body = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public byte[] matchingModel() {
    RequestShape shape = RequestShape.scan(body);
    return PayloadEdits.apply(shape, ProviderFormat.OPENAI, Optional.of("gpt-4o-mini"), false);
  }

  @Benchmark
  public byte[] rewrittenModel() {
    RequestShape shape = RequestShape.scan(body);
    return PayloadEdits.apply(shape, ProviderFormat.OPENAI, Optional.of("gpt-4o-2024-08-06"), false);
  }

  @Benchmark
  public byte[] baselineParseAndRewrite() {
    return JsonBaseline.parseAndRewrite(body);
  }
}
