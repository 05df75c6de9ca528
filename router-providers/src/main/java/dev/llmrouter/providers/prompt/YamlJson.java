package dev.llmrouter.providers.prompt;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.PromptTemplateException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * YAML front matter to the router's JSON tree, with snakeyaml's {@link SafeConstructor} only (plain maps, lists
 * and scalars, never arbitrary types): no duplicate keys, string keys only, few aliases, bounded nesting and a
 * size limit on the document.
 */
final class YamlJson {
  private YamlJson() {}

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(1024 * 1024);
    return new Yaml(new SafeConstructor(options));
  }

  /**
   * The mapping {@code text} holds (empty for an empty document).
   *
   * @param what names the file in error messages
   * @param firstLine the 1-based line of the file {@code text} starts at, for error messages
   * @throws PromptTemplateException naming {@code what} and the line when it is not valid YAML or not a mapping
   */
  static JsonObject parseMapping(String text, String what, int firstLine) {
    if (text.isBlank()) {
      return JsonObject.empty();
    }
    Object loaded;
    try {
      loaded = yaml().load(text);
    } catch (MarkedYAMLException e) {
      String at = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + firstLine);
      throw new PromptTemplateException("invalid YAML front matter in " + what + at + ": " + oneLine(e.getProblem()), e);
    } catch (YAMLException e) {
      throw new PromptTemplateException("invalid YAML front matter in " + what + ": " + oneLine(e.getMessage()), e);
    }
    if (loaded == null) {
      return JsonObject.empty();
    }
    if (!(loaded instanceof Map<?, ?>)) {
      throw new PromptTemplateException(
          "the YAML front matter of " + what + " must be a mapping (key: value lines)");
    }
    return (JsonObject) toJson(loaded, what);
  }

  private static JsonValue toJson(Object o, String what) {
    if (o == null) {
      return JsonValue.nullValue();
    }
    if (o instanceof Map<?, ?> m) {
      JsonObject.Builder b = JsonObject.builder(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new PromptTemplateException(
              "the YAML front matter of " + what + ": keys must be strings, got '" + e.getKey() + "'");
        }
        b.put(k, toJson(e.getValue(), what));
      }
      return b.build();
    }
    if (o instanceof List<?> l) {
      JsonArray.Builder b = JsonArray.builder(l.size());
      for (Object item : l) {
        b.add(toJson(item, what));
      }
      return b.build();
    }
    if (o instanceof String s) {
      return JsonValue.of(s);
    }
    if (o instanceof Boolean bool) {
      return JsonValue.of(bool);
    }
    if (o instanceof Integer || o instanceof Long || o instanceof BigInteger) {
      return JsonNumber.ofText(o.toString());
    }
    if (o instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new PromptTemplateException(what + ": the number " + d + " cannot be written as JSON");
      }
      return JsonNumber.of(BigDecimal.valueOf(d));
    }
    if (o instanceof Date d) {
      return JsonValue.of(d.toInstant().toString());
    }
    if (o instanceof byte[]) {
      throw new PromptTemplateException(what + ": binary YAML values are not supported");
    }
    return JsonValue.of(o.toString());
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
