package dev.llmrouter.conformance;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One conformance vector file (see the corpus README for the schema). */
record Vector(Path file, JsonObject json) {

  static Vector load(Path file) {
    try {
      return new Vector(file, JsonTree.parseObject(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String id() {
    return json.getString("id").orElseThrow(() -> new IllegalStateException(file + " has no id"));
  }

  String kind() {
    return json.getString("kind").orElseThrow();
  }

  /** The pair label, or for roundtrip vectors the provider directory. */
  String group() {
    return json.getString("pair").orElseGet(() -> json.getString("provider").orElse("?"));
  }

  ProviderFormat sourceFormat() {
    return format("sourceFormat");
  }

  ProviderFormat targetFormat() {
    return format("targetFormat");
  }

  /** The roundtrip vector's own format. */
  ProviderFormat ownFormat() {
    return format("format");
  }

  Optional<String> targetModel() {
    return json.getString("targetModel");
  }

  JsonValue input() {
    return json.get("input").orElseThrow();
  }

  byte[] inputBytes() {
    return JsonTree.write(input());
  }

  JsonValue expected() {
    return json.get("expected").orElseThrow();
  }

  String payload() {
    return json.getString("payload").orElse("");
  }

  boolean flag(String name) {
    return json.getBoolean(name).orElse(false);
  }

  private ProviderFormat format(String field) {
    String name = json.getString(field).orElseThrow(() -> new IllegalStateException(id() + " has no " + field));
    return ProviderFormat.fromName(name)
        .orElseThrow(() -> new IllegalStateException(id() + ": unknown format '" + name + "'"));
  }
}
