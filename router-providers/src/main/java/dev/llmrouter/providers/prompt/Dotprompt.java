package dev.llmrouter.providers.prompt;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptMessage;
import dev.llmrouter.prompt.PromptTemplateException;
import dev.llmrouter.prompt.TemplateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code .prompt} files (Google's dotprompt as LiteLLM uses it): optional YAML front matter between
 * {@code ---} lines, then the template. This is the one dotprompt parser of the project; the gateway's prompt
 * store uses it too.
 *
 * <p>Front matter: it opens with a first non-blank line {@code ---} and closes at the next line {@code ---}
 * (trailing blanks allowed, no indentation). {@code model} (a non-empty string); {@code config} (dotprompt's
 * params, Google or OpenAI style) and any other top-level key (LiteLLM's style: {@code temperature},
 * {@code max_tokens}, ...) become params; {@code tools} (a list of OpenAI tool objects; a list of names is kept
 * in the metadata), {@code response_format} (an object) and {@code output} ({@code format: json} with an
 * optional {@code schema}) become tools and response format; {@code input}, {@code output}, {@code name},
 * {@code description}, {@code tags}, {@code metadata}, {@code variant} and {@code id} go to the prompt's
 * metadata; {@code version} and {@code template_format} are read.
 *
 * <p>Template: role markers split it into messages, either dotprompt's {@code {{role "system"}}} (anywhere) or,
 * when there is none of those, LiteLLM's lines starting with {@code System:}, {@code User:}, {@code Assistant:}
 * or {@code Developer:}. A template without any marker is one user message (LiteLLM's rule); text before the
 * first marker is refused rather than guessed at, and so is an empty template. The template is split before
 * variables are substituted, so a variable's value can never open a new message. Placeholders use
 * {@link TemplateFormat#BRACES} unless {@code template_format} says otherwise. Malformed files are
 * {@link PromptTemplateException}s naming the file and the problem.
 */
public final class Dotprompt {
  private static final Pattern ROLE_HELPER = Pattern.compile("\\{\\{\\s*role\\s+\"(system|user|model|assistant|developer)\"\\s*\\}\\}");
  private static final Pattern ROLE_LINE =
      Pattern.compile("^[ \\t]*(System|User|Assistant|Developer):[ \\t]?", Pattern.MULTILINE);
  private static final Set<String> METADATA_KEYS =
      Set.of("input", "name", "description", "tags", "metadata", "variant", "id");
  private static final Set<String> READ_KEYS =
      Set.of("model", "config", "tools", "output", "version", "template_format", "environment");

  private Dotprompt() {}

  /** The front matter and the template of a dotprompt text. */
  public record Parts(JsonObject frontMatter, String template) {}

  /**
   * Splits {@code text} into front matter and template.
   *
   * @param what names the file in error messages
   * @throws PromptTemplateException when the front matter is not closed or not a YAML mapping
   */
  public static Parts split(String text, String what) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String normalized = t.replace("\r\n", "\n");
    int open = 0;
    int line = 1;
    while (true) {
      int eol = normalized.indexOf('\n', open);
      if (eol < 0 || !normalized.substring(open, eol).isBlank()) {
        break;
      }
      open = eol + 1;
      line++;
    }
    if (!normalized.startsWith("---", open)) {
      return new Parts(JsonObject.empty(), normalized);
    }
    int firstEnd = normalized.indexOf('\n', open);
    if (firstEnd < 0 || !normalized.substring(open + 3, firstEnd).isBlank()) {
      throw new PromptTemplateException("malformed dotprompt " + what + ": the opening '---' line must stand alone");
    }
    Matcher close = Pattern.compile("^---[ \\t]*$", Pattern.MULTILINE).matcher(normalized);
    if (!close.find(firstEnd + 1)) {
      throw new PromptTemplateException("malformed dotprompt " + what + ": the YAML front matter opened by '---' on line "
          + line + " is never closed by a '---' line");
    }
    String yaml = normalized.substring(firstEnd + 1, close.start());
    int bodyStart = close.end() < normalized.length() ? close.end() + 1 : close.end();
    return new Parts(YamlJson.parseMapping(yaml, "dotprompt " + what, line + 1), normalized.substring(bodyStart));
  }

  /**
   * The prompt a {@code .prompt} text describes.
   *
   * @throws PromptTemplateException when the file is malformed
   */
  public static Prompt parse(String id, String text) {
    Parts parts = split(text, "'" + id + "'");
    return build(id, parts.frontMatter(), parts.template());
  }

  /** LiteLLM's JSON form of a {@code .prompt} text: {@code {"content": template, "metadata": front matter}}. */
  public static JsonObject toJson(String text) {
    Parts parts = split(text, "content");
    return JsonObject.of("content", JsonString.of(parts.template().strip()), "metadata", parts.frontMatter());
  }

  /**
   * The front matter and template of LiteLLM's JSON form ({@code content} and {@code metadata}). The
   * {@code content} may itself be a whole {@code .prompt} text: its front matter is laid over {@code metadata}.
   *
   * @throws PromptTemplateException when a member has the wrong type or the content is malformed
   */
  public static Parts jsonParts(String id, JsonObject json) {
    JsonValue content = json.getOrNull("content");
    if (!(content instanceof JsonString s)) {
      throw new PromptTemplateException("prompt '" + id + "': 'content' must be a string");
    }
    JsonValue metadata = json.getOrNull("metadata");
    if (metadata != null && !metadata.isNull() && !(metadata instanceof JsonObject)) {
      throw new PromptTemplateException("prompt '" + id + "': 'metadata' must be an object");
    }
    JsonObject meta = metadata instanceof JsonObject o ? o : JsonObject.empty();
    Parts inner = split(s.value(), "'" + id + "'");
    JsonObject front = inner.frontMatter().isEmpty() ? meta : meta.toBuilder().putAll(inner.frontMatter()).build();
    return new Parts(front, inner.template());
  }

  /**
   * The prompt of LiteLLM's JSON form ({@code content} and {@code metadata}), see {@link #jsonParts}.
   *
   * @throws PromptTemplateException when a member has the wrong type or the content is malformed
   */
  public static Prompt fromJson(String id, JsonObject json) {
    Parts parts = jsonParts(id, json);
    return build(id, parts.frontMatter(), parts.template());
  }

  /**
   * The prompt {@code id} of a front matter and a template, read as described on this class.
   *
   * @throws PromptTemplateException when a front matter key has the wrong type or the template is empty or has
   *     text before its first role marker
   */
  public static Prompt build(String id, JsonObject front, String template) {
    String what = "'" + id + "'";
    Prompt.Builder b = Prompt.builder(id);
    JsonObject.Builder params = JsonObject.builder();
    JsonObject.Builder metadata = JsonObject.builder();
    for (int i = 0; i < front.size(); i++) {
      String key = front.keyAt(i);
      JsonValue value = front.valueAt(i);
      if (METADATA_KEYS.contains(key)) {
        metadata.put(key, value);
      } else if (!READ_KEYS.contains(key) && !value.isNull()) {
        params.put(key, value);
      }
    }
    JsonValue model = front.getOrNull("model");
    if (model != null && !model.isNull()) {
      String m = string(model, "model", what).strip();
      if (m.isEmpty()) {
        throw new PromptTemplateException("malformed dotprompt " + what + ": 'model' must not be empty");
      }
      b.model(m);
    }
    JsonValue config = front.getOrNull("config");
    if (config instanceof JsonObject c) {
      params.putAll(c);
    } else if (config != null && !config.isNull()) {
      throw new PromptTemplateException("malformed dotprompt " + what + ": 'config' must be a mapping");
    }
    JsonValue version = front.getOrNull("version");
    if (version != null && !version.isNull()) {
      b.version(version instanceof JsonString s ? s.value() : version.toJson());
    }
    JsonValue format = front.getOrNull("template_format");
    if (format != null && !format.isNull()) {
      b.templateFormat(TemplateFormat.of(string(format, "template_format", what)));
    }
    readTools(front.getOrNull("tools"), b, metadata, what);
    readOutput(front.getOrNull("output"), b, metadata, what);
    JsonObject normalized = ParamStyles.normalize(params.build());
    JsonValue rf = normalized.getOrNull("response_format");
    if (rf instanceof JsonObject o) {
      b.responseFormat(o);
    } else if (rf != null) {
      throw new PromptTemplateException("malformed dotprompt " + what + ": 'response_format' must be a mapping");
    }
    b.params(normalized.without("response_format"));
    b.metadata(metadata.build());
    b.messages(messages(template, what));
    return b.build();
  }

  private static void readTools(JsonValue tools, Prompt.Builder b, JsonObject.Builder metadata, String what) {
    if (tools == null || tools.isNull()) {
      return;
    }
    if (!(tools instanceof JsonArray a)) {
      throw new PromptTemplateException("malformed dotprompt " + what + ": 'tools' must be a list");
    }
    if (a.stream().allMatch(t -> t instanceof JsonObject)) {
      b.tools(a);
    } else if (a.stream().allMatch(t -> t instanceof JsonString)) {
      // dotprompt's tool names refer to tools registered in code: kept for the application to resolve.
      metadata.put("tools", a);
    } else {
      throw new PromptTemplateException(
          "malformed dotprompt " + what + ": 'tools' must be a list of tool objects or a list of tool names");
    }
  }

  private static void readOutput(JsonValue output, Prompt.Builder b, JsonObject.Builder metadata, String what) {
    if (output == null || output.isNull()) {
      return;
    }
    if (!(output instanceof JsonObject o)) {
      throw new PromptTemplateException("malformed dotprompt " + what + ": 'output' must be a mapping");
    }
    metadata.put("output", o);
    String format = o.getString("format").orElse("");
    if (format.toLowerCase(Locale.ROOT).equals("json")) {
      JsonValue schema = o.getOrNull("schema");
      if (schema instanceof JsonObject s && !s.isEmpty()) {
        b.responseFormat(JsonObject.of(
            "type", JsonValue.of("json_schema"),
            "json_schema", JsonObject.of("name", JsonValue.of("output"), "schema", s)));
      } else {
        b.responseFormat(JsonObject.of("type", JsonValue.of("json_object")));
      }
    }
  }

  private static String string(JsonValue v, String key, String what) {
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw new PromptTemplateException("malformed dotprompt " + what + ": '" + key + "' must be a string, got " + v.kind());
  }

  /**
   * The template split at role markers into messages.
   *
   * @throws PromptTemplateException when it is empty, has text before its first marker, or markers but no text
   */
  static List<PromptMessage> messages(String template, String what) {
    Matcher helper = ROLE_HELPER.matcher(template);
    Matcher m = helper.find() ? helper.reset() : ROLE_LINE.matcher(template);
    if (!m.find()) {
      String all = template.strip();
      if (all.isEmpty()) {
        throw new PromptTemplateException("malformed dotprompt " + what + ": the prompt template is empty");
      }
      return List.of(PromptMessage.of("user", all));
    }
    if (!template.substring(0, m.start()).isBlank()) {
      int line = (int) template.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
      throw new PromptTemplateException("malformed dotprompt " + what + ": text before the first role marker (line "
          + line + " of the template starts a " + role(m) + " message); put a role marker such as 'System:' or "
          + "'User:' before that text");
    }
    List<PromptMessage> out = new ArrayList<>();
    boolean more = true;
    while (more) {
      String role = role(m);
      int start = m.end();
      more = m.find();
      String content = template.substring(start, more ? m.start() : template.length()).strip();
      if (!content.isEmpty()) {
        out.add(PromptMessage.of(role, content));
      }
    }
    if (out.isEmpty()) {
      throw new PromptTemplateException(
          "malformed dotprompt " + what + ": the prompt template has role markers but no text");
    }
    return out;
  }

  private static String role(Matcher m) {
    String role = m.group(1).toLowerCase(Locale.ROOT);
    return role.equals("model") ? "assistant" : role;
  }
}
