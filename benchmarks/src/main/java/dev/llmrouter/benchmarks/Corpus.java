package dev.llmrouter.benchmarks;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads conformance vectors as benchmark inputs. The directory is {@code -Dconformance.dir}, by default
 * {@code ../shared/conformance/dev} relative to the working directory (the repository root).
 */
final class Corpus {
  private Corpus() {}

  /** One vector's input bytes and its transform arguments. */
  record Item(String id, byte[] input, ProviderFormat target, Optional<String> model, JsonValue inputTree) {}

  static Path dir() {
    return Path.of(System.getProperty("conformance.dir", "../shared/conformance/dev"));
  }

  /** The vectors of one kind and pair, in file order. */
  static List<Item> load(String kind, String pair) {
    Path d = dir().resolve(kind).resolve(pair);
    if (!Files.isDirectory(d)) {
      throw new IllegalStateException("no vectors at " + d.toAbsolutePath()
          + " (run from the repository root or set -Dconformance.dir)");
    }
    List<Item> items = new ArrayList<>();
    try (Stream<Path> files = Files.list(d)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonObject v = JsonTree.parseObject(Files.readAllBytes(f));
        JsonValue input = v.get("input").orElseThrow();
        items.add(new Item(
            v.getString("id").orElseThrow(),
            JsonTree.write(input),
            ProviderFormat.parse(v.getString("targetFormat").orElseThrow()),
            v.getString("targetModel"),
            input));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return items;
  }
}
