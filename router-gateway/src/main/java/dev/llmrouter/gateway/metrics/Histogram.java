package dev.llmrouter.gateway.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A cumulative latency histogram with fixed bucket bounds, in seconds. Thread-safe, lock-free. */
final class Histogram {
  /** Upper bounds in seconds (the +Inf bucket is the count). */
  static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

  private final LongAdder[] buckets = new LongAdder[BOUNDS.length];
  private final LongAdder count = new LongAdder();
  private final DoubleAdder sum = new DoubleAdder();

  Histogram() {
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  void observe(double seconds) {
    for (int i = 0; i < BOUNDS.length; i++) {
      if (seconds <= BOUNDS[i]) {
        buckets[i].increment();
        break;
      }
    }
    count.increment();
    sum.add(seconds);
  }

  void render(StringBuilder out, String name, String labels) {
    long cumulative = 0;
    for (int i = 0; i < BOUNDS.length; i++) {
      cumulative += buckets[i].sum();
      out.append(name).append("_bucket{").append(labels).append(",le=\"").append(bound(BOUNDS[i]))
          .append("\"} ").append(cumulative).append('\n');
    }
    long total = count.sum();
    out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(total).append('\n');
    out.append(name).append("_sum{").append(labels).append("} ").append(sum.sum()).append('\n');
    out.append(name).append("_count{").append(labels).append("} ").append(total).append('\n');
  }

  private static String bound(double b) {
    return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
  }
}
