package dev.llmrouter.providers.prompt;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.MissingVariableException;
import dev.llmrouter.prompt.PromptTemplateException;
import dev.llmrouter.prompt.TemplateEngine;
import dev.llmrouter.prompt.TemplateFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The {@link TemplateFormat#MUSTACHE} engine (Braintrust's template language) on jmustache: variables,
 * dotted names, sections over arrays and objects, inverted sections, comments. As in Braintrust, nothing is
 * HTML-escaped (these are prompts, not pages); strings are inserted as they are and objects and arrays as
 * JSON. Strict mode fails on a missing variable ({@link MissingVariableException}); lenient mode renders it
 * empty, the Mustache rule. Registered with {@link java.util.ServiceLoader}, so
 * {@link dev.llmrouter.prompt.TemplateEngines#defaults()} finds it when router-providers is on the classpath.
 */
public final class MustacheTemplateEngine implements TemplateEngine {
  private static final Mustache.Formatter FORMATTER =
      value -> value instanceof ObjectView o ? o.json.toJson()
          : value instanceof ListView l ? l.json.toJson()
          : String.valueOf(value);

  private static final Mustache.Compiler STRICT =
      Mustache.compiler().escapeHTML(false).nullValue("").withFormatter(FORMATTER);
  private static final Mustache.Compiler LENIENT =
      Mustache.compiler().escapeHTML(false).defaultValue("").withFormatter(FORMATTER);

  /** For {@link java.util.ServiceLoader}. */
  public MustacheTemplateEngine() {}

  @Override
  public TemplateFormat format() {
    return TemplateFormat.MUSTACHE;
  }

  @Override
  public String render(String template, JsonObject variables, boolean strict) {
    Template compiled;
    try {
      compiled = (strict ? STRICT : LENIENT).compile(template);
    } catch (MustacheException e) {
      throw new PromptTemplateException("malformed Mustache template: " + e.getMessage(), e);
    }
    try {
      return compiled.execute(toJava(variables));
    } catch (MustacheException.Context e) {
      throw new MissingVariableException(e.key, "line " + e.lineNo);
    } catch (MustacheException e) {
      throw new PromptTemplateException("Mustache template cannot be rendered: " + e.getMessage(), e);
    }
  }

  /** Mustache's view of a JSON value: maps, lists, strings, booleans, number text, null. */
  static Object toJava(JsonValue v) {
    if (v instanceof JsonObject o) {
      ObjectView map = new ObjectView(o);
      o.forEach((k, val) -> map.put(k, toJava(val)));
      return map;
    }
    if (v instanceof JsonArray a) {
      ListView list = new ListView(a);
      for (JsonValue item : a) {
        list.add(toJava(item));
      }
      return list;
    }
    if (v instanceof JsonString s) {
      return s.value();
    }
    if (v instanceof JsonNumber n) {
      return new NumberText(n.text());
    }
    if (v instanceof JsonBoolean b) {
      return b.value();
    }
    return null;
  }

  /** A JSON object as a map that remembers its JSON (rendered as JSON when used as a value). */
  private static final class ObjectView extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
    final transient JsonObject json;

    ObjectView(JsonObject json) {
      this.json = json;
    }
  }

  /** A JSON array as a list that remembers its JSON. */
  private static final class ListView extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;
    final transient JsonArray json;

    ListView(JsonArray json) {
      this.json = json;
    }
  }

  /** A number, rendered with its exact JSON text. */
  private record NumberText(String text) {
    @Override
    public String toString() {
      return text;
    }
  }
}
