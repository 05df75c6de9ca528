package dev.llmrouter.conformance;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/** Pass/fail counts per kind and per pair, written as {@code summary.json}. */
final class Summary {
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Map<String, int[]>> counts = new TreeMap<>();
  private final Map<String, String> failures = new TreeMap<>();

  /** Remembers a gated failure, for regenerating the known-failures list. */
  void failure(String id, String reason) {
    lock.lock();
    try {
      String firstLine = reason.lines().findFirst().orElse(reason);
      failures.put(id, firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine);
    } finally {
      lock.unlock();
    }
  }

  /** Writes every gated failure as a known-failures file (id to reason), one entry per line. */
  void writeFailures(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("{\n");
    int n = 0;
    for (Map.Entry<String, String> e : failures.entrySet()) {
      sb.append("  ").append(JsonTree.writeString(JsonString.of(e.getKey()))).append(": ")
          .append(JsonTree.writeString(JsonString.of(e.getValue())))
          .append(++n < failures.size() ? ",\n" : "\n");
    }
    Files.writeString(file, sb.append("}\n").toString());
  }

  void record(String kind, String group, boolean passed) {
    lock.lock();
    try {
      int[] c = counts.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(group, g -> new int[2]);
      c[passed ? 0 : 1]++;
    } finally {
      lock.unlock();
    }
  }

  String line() {
    int passed = 0;
    int failed = 0;
    for (Map<String, int[]> groups : counts.values()) {
      for (int[] c : groups.values()) {
        passed += c[0];
        failed += c[1];
      }
    }
    return "conformance: " + passed + " passed, " + failed + " failed";
  }

  void write(Path file) throws IOException {
    JsonObject.Builder root = JsonObject.builder();
    for (Map.Entry<String, Map<String, int[]>> kind : counts.entrySet()) {
      int passed = 0;
      int failed = 0;
      JsonObject.Builder pairs = JsonObject.builder();
      for (Map.Entry<String, int[]> g : kind.getValue().entrySet()) {
        passed += g.getValue()[0];
        failed += g.getValue()[1];
        pairs.put(g.getKey(), JsonObject.builder().put("passed", g.getValue()[0])
            .put("failed", g.getValue()[1]).build());
      }
      root.put(kind.getKey(), JsonObject.builder().put("passed", passed).put("failed", failed)
          .put("pairs", pairs.build()).build());
    }
    Files.createDirectories(file.getParent());
    Files.write(file, JsonTree.write(root.build()));
  }
}
