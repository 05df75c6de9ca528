package dev.llmrouter.prompt;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored prompt: an immutable value built with {@link #builder(String)}.
 *
 * <ul>
 *   <li>identity: {@link #id()}, optional {@link #version()} and {@link #environment()};
 *   <li>the template: {@link #messages()} for a {@link PromptKind#CHAT chat} prompt, or one {@link #text()} for a
 *       {@link PromptKind#COMPLETION completion} prompt, in the template language of {@link #templateFormat()};
 *   <li>what the prompt asks of the model: an optional {@link #model()}, {@link #params()} in OpenAI Chat
 *       vocabulary ({@code temperature}, {@code max_tokens}, {@code top_p}, {@code top_k}, {@code stop},
 *       {@code tool_choice}, ...), {@link #tools()} (OpenAI function tools) and a {@link #responseFormat()}
 *       (OpenAI {@code response_format});
 *   <li>{@link #metadata()}: free-form JSON (description, tags, source-specific fields).
 * </ul>
 *
 * <p>The request-time {@link PromptResolver} maps params, tools and response format to the caller's wire
 * format. Values are compared by content ({@link #equals}).
 */
public final class Prompt {
  private final String id;
  private final String version;
  private final String environment;
  private final PromptKind kind;
  private final List<PromptMessage> messages;
  private final String text;
  private final TemplateFormat templateFormat;
  private final String model;
  private final JsonObject params;
  private final JsonArray tools;
  private final JsonObject responseFormat;
  private final JsonObject metadata;

  private Prompt(Builder b) {
    this.id = PromptIds.require("prompt id", b.id);
    this.version = b.version == null ? null : PromptIds.require("prompt version", b.version);
    this.environment =
        b.environment == null ? null : PromptIds.require("prompt environment", b.environment);
    this.kind = b.text != null ? PromptKind.COMPLETION : PromptKind.CHAT;
    if (b.text != null && !b.messages.isEmpty()) {
      throw new InvalidRequestException(
          "prompt '" + b.id + "' has both template messages and a completion text; it must have one or the other");
    }
    this.messages = List.copyOf(b.messages);
    this.text = b.text;
    this.templateFormat = b.templateFormat;
    this.model = b.model == null || b.model.isBlank() ? null : b.model;
    this.params = b.params;
    this.tools = b.tools == null || b.tools.isEmpty() ? null : b.tools;
    this.responseFormat = b.responseFormat;
    this.metadata = b.metadata;
  }

  /** A builder for a prompt with this id (validated by {@link PromptIds}). */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder holding this prompt's values. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.version = version;
    b.environment = environment;
    b.messages.addAll(messages);
    b.text = text;
    b.templateFormat = templateFormat;
    b.model = model;
    b.params = params;
    b.tools = tools;
    b.responseFormat = responseFormat;
    b.metadata = metadata;
    return b;
  }

  public String id() {
    return id;
  }

  /** The version (such as {@code 3}, or a Braintrust transaction id), if known. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** The environment this version belongs to (such as {@code production}), if any. */
  public Optional<String> environment() {
    return Optional.ofNullable(environment);
  }

  /** Chat (template messages) or completion (one text). */
  public PromptKind kind() {
    return kind;
  }

  /** The template messages of a chat prompt, in order; empty for a completion prompt. */
  public List<PromptMessage> messages() {
    return messages;
  }

  /** The template text of a completion prompt. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** How placeholders in the template are written ({@link TemplateFormat#BRACES} unless set). */
  public TemplateFormat templateFormat() {
    return templateFormat;
  }

  /** The model the prompt was written for, if any. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Request parameters in OpenAI Chat vocabulary; empty when none. */
  public JsonObject params() {
    return params;
  }

  /** OpenAI-style function tools, if any. */
  public Optional<JsonArray> tools() {
    return Optional.ofNullable(tools);
  }

  /** An OpenAI-style {@code response_format}, if any. */
  public Optional<JsonObject> responseFormat() {
    return Optional.ofNullable(responseFormat);
  }

  /** Free-form metadata; empty when none. */
  public JsonObject metadata() {
    return metadata;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Prompt p
        && id.equals(p.id)
        && Objects.equals(version, p.version)
        && Objects.equals(environment, p.environment)
        && messages.equals(p.messages)
        && Objects.equals(text, p.text)
        && templateFormat == p.templateFormat
        && Objects.equals(model, p.model)
        && params.equals(p.params)
        && Objects.equals(tools, p.tools)
        && Objects.equals(responseFormat, p.responseFormat)
        && metadata.equals(p.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, environment, messages, text, model, params);
  }

  /** A short description (id, version, environment, kind, model); never the template text. */
  @Override
  public String toString() {
    return "Prompt{id=" + id
        + (version == null ? "" : ", version=" + version)
        + (environment == null ? "" : ", environment=" + environment)
        + ", kind=" + kind
        + (kind == PromptKind.CHAT ? ", messages=" + messages.size() : "")
        + (model == null ? "" : ", model=" + model)
        + "}";
  }

  /** Builds a {@link Prompt}; a prompt without messages or text is a chat prompt with no template messages. */
  public static final class Builder {
    private final String id;
    private String version;
    private String environment;
    private final List<PromptMessage> messages = new ArrayList<>();
    private String text;
    private TemplateFormat templateFormat = TemplateFormat.BRACES;
    private String model;
    private JsonObject params = JsonObject.empty();
    private JsonArray tools;
    private JsonObject responseFormat;
    private JsonObject metadata = JsonObject.empty();

    private Builder(String id) {
      this.id = id;
    }

    /** The version, or null for none. */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** The environment, or null for none. */
    public Builder environment(String environment) {
      this.environment = environment;
      return this;
    }

    /** Appends a template message (makes this a chat prompt). */
    public Builder message(PromptMessage message) {
      messages.add(Objects.requireNonNull(message, "message"));
      return this;
    }

    /** Appends a template message of {@code role} with string content. */
    public Builder message(String role, String content) {
      return message(PromptMessage.of(role, content));
    }

    /** Replaces the template messages. */
    public Builder messages(List<PromptMessage> messages) {
      this.messages.clear();
      for (PromptMessage m : messages) {
        message(m);
      }
      return this;
    }

    /** The completion text (makes this a completion prompt), or null for none. */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Builder templateFormat(TemplateFormat templateFormat) {
      this.templateFormat = Objects.requireNonNull(templateFormat, "templateFormat");
      return this;
    }

    /** The model, or null for none. */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** The parameters (OpenAI Chat vocabulary), or null for none. */
    public Builder params(JsonObject params) {
      this.params = params == null ? JsonObject.empty() : params;
      return this;
    }

    /** Sets one parameter. */
    public Builder param(String name, JsonValue value) {
      this.params = params.with(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** OpenAI-style function tools, or null for none. */
    public Builder tools(JsonArray tools) {
      this.tools = tools;
      return this;
    }

    /** An OpenAI-style {@code response_format}, or null for none. */
    public Builder responseFormat(JsonObject responseFormat) {
      this.responseFormat = responseFormat;
      return this;
    }

    /** Free-form metadata, or null for none. */
    public Builder metadata(JsonObject metadata) {
      this.metadata = metadata == null ? JsonObject.empty() : metadata;
      return this;
    }

    /**
     * The prompt.
     *
     * @throws InvalidRequestException when the id, version or environment is invalid, or both messages and a
     *     text were given
     */
    public Prompt build() {
      return new Prompt(this);
    }
  }
}
