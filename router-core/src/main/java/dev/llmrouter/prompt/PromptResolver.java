package dev.llmrouter.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.Json;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.TopLevelMembers;
import dev.llmrouter.translate.RequestShape;
import java.util.Objects;
import java.util.Optional;

/**
 * Expands requests that name a stored prompt, before routing. A body in any client format (OpenAI Chat,
 * Responses, Anthropic, Gemini, Converse) that carries {@code prompt_id} (with optional
 * {@code prompt_variables}, {@code prompt_version}, {@code prompt_environment} or {@code prompt_label}; an id
 * of the form {@code id.vN} names version N) is rewritten:
 *
 * <ol>
 *   <li>the prompt is loaded from the {@link PromptSource} and rendered with the variables
 *       ({@link PromptRenderer}, strict or lenient);
 *   <li>its template messages go before the caller's, in the caller's format (see {@link PromptMerge});
 *   <li>its params, tools and response format apply by the {@link ParamPrecedence} (LiteLLM's "prompt wins" by
 *       default), and its model replaces the caller's unless {@code ignorePromptModel} is set or the caller
 *       wins; a caller model of the form {@code generic_prompt/<model>} loses its prefix;
 *   <li>the prompt fields are removed.
 * </ol>
 *
 * <p>A body without a top-level {@code prompt_id} comes back as the same array (a byte search rules most
 * bodies out without parsing). An unknown prompt is a {@link PromptNotFoundException}; a source that is down
 * fails with its typed error; nothing falls back to the unexpanded request. Immutable and thread-safe.
 */
public final class PromptResolver {
  /** The integration prefix LiteLLM callers put on model names ({@code generic_prompt/gpt-4}). */
  public static final String GENERIC_PROMPT_PREFIX = "generic_prompt/";

  private final PromptSource source;
  private final PromptRenderer renderer;
  private final ParamPrecedence precedence;
  private final boolean ignorePromptModel;
  private final PromptMerge merge;

  private PromptResolver(Builder b) {
    this.source = Objects.requireNonNull(b.source, "source");
    this.renderer = PromptRenderer.of(b.engines == null ? TemplateEngines.defaults() : b.engines, b.strict);
    this.precedence = b.precedence;
    this.ignorePromptModel = b.ignorePromptModel;
    this.merge = new PromptMerge(precedence);
  }

  /** A builder over {@code source}. */
  public static Builder builder(PromptSource source) {
    return new Builder(source);
  }

  /** A resolver over {@code source} with the defaults: lenient templates, prompt params and model win. */
  public static PromptResolver of(PromptSource source) {
    return builder(source).build();
  }

  /** The source prompts are loaded from. */
  public PromptSource source() {
    return source;
  }

  /** Whether the body has a top-level {@code prompt_id} (a byte search, then a scan only if it may). */
  public static boolean hasPromptId(byte[] body) {
    if (body == null || !PromptRequestFields.mayContain(body)) {
      return false;
    }
    try {
      return TopLevelMembers.scan(body, PromptRequestFields.ALL_SET)
          .flatMap(m -> m.get(PromptRequestFields.PROMPT_ID))
          .isPresent();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** {@link #resolve} and return only the body. */
  public byte[] expand(byte[] body, ProviderFormat clientFormat) {
    return resolve(body, clientFormat).body();
  }

  /**
   * Expands {@code body} when it names a prompt.
   *
   * @param clientFormat the format the caller speaks (a gateway endpoint knows it); the body's own shape
   *     decides when it is incompatible with it, and Chat Completions when neither says
   * @throws InvalidRequestException when the body is not valid JSON or a prompt field is malformed
   * @throws PromptNotFoundException when the prompt does not exist
   * @throws PromptTemplateException when the template is malformed or (strict) a variable is missing
   */
  public PromptResolution resolve(byte[] body, ProviderFormat clientFormat) {
    Objects.requireNonNull(body, "body");
    if (!PromptRequestFields.mayContain(body)) {
      return PromptResolution.unchanged(body);
    }
    Optional<TopLevelMembers> members;
    try {
      members = TopLevelMembers.scan(body, PromptRequestFields.ALL_SET);
    } catch (JsonProcessingException e) {
      throw Json.invalid("request body", e);
    }
    if (members.isEmpty() || members.get().get(PromptRequestFields.PROMPT_ID).isEmpty()) {
      return PromptResolution.unchanged(body);
    }
    JsonObject tree;
    try {
      tree = JsonTree.parseObject(body);
    } catch (JsonSyntaxException e) {
      throw new InvalidRequestException("request body: " + e.getMessage(), e);
    }
    PromptRequestFields fields = PromptRequestFields.read(tree);
    JsonObject stripped = tree.without(PromptRequestFields.ALL.toArray(String[]::new));
    if (fields == null) {
      // "prompt_id": null: nothing to expand, but the prompt fields still never go upstream.
      return PromptResolution.unchanged(JsonTree.write(stripped));
    }
    Prompt prompt = source.load(fields.ref);
    RenderedPrompt rendered = renderer.render(prompt, fields.variables);
    String model = chooseModel(stripped, prompt);
    ProviderFormat format = bodyFormat(body, clientFormat);
    JsonObject merged = merge.merge(stripped, rendered, format, model);
    return PromptResolution.applied(JsonTree.write(merged), prompt, model);
  }

  private String chooseModel(JsonObject body, Prompt prompt) {
    String caller = body.getString("model").orElse(null);
    if (caller != null && caller.startsWith(GENERIC_PROMPT_PREFIX)) {
      caller = caller.substring(GENERIC_PROMPT_PREFIX.length());
    }
    if (caller != null && caller.isEmpty()) {
      caller = null;
    }
    Optional<String> promptModel = ignorePromptModel ? Optional.empty() : prompt.model();
    if (promptModel.isPresent() && (precedence != ParamPrecedence.CALLER_WINS || caller == null)) {
      return promptModel.get();
    }
    return caller;
  }

  /** The body's wire format: the client's when compatible or undecidable, else the detected one. */
  static ProviderFormat bodyFormat(byte[] body, ProviderFormat clientFormat) {
    RequestShape shape = RequestShape.scan(body);
    Optional<ProviderFormat> detected = shape.detect();
    if (clientFormat != null && clientFormat != ProviderFormat.UNKNOWN
        && (detected.isEmpty() || shape.isCompatibleWith(clientFormat))) {
      return clientFormat;
    }
    return detected.orElse(ProviderFormat.OPENAI);
  }

  @Override
  public String toString() {
    return "PromptResolver{source=" + source.name() + ", strict=" + renderer.isStrict()
        + ", precedence=" + precedence + ", ignorePromptModel=" + ignorePromptModel + "}";
  }

  /** Builds a {@link PromptResolver}. */
  public static final class Builder {
    private final PromptSource source;
    private TemplateEngines engines;
    private boolean strict;
    private ParamPrecedence precedence = ParamPrecedence.PROMPT_WINS;
    private boolean ignorePromptModel;

    private Builder(PromptSource source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    /** Whether a placeholder without a variable fails the request (default: false, left as written). */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Who wins on parameter conflicts (default {@link ParamPrecedence#PROMPT_WINS}). */
    public Builder paramPrecedence(ParamPrecedence precedence) {
      this.precedence = Objects.requireNonNull(precedence, "precedence");
      return this;
    }

    /** LiteLLM's {@code ignore_prompt_manager_model}: the caller's model is always kept (default false). */
    public Builder ignorePromptModel(boolean ignore) {
      this.ignorePromptModel = ignore;
      return this;
    }

    /** The template engines (default {@link TemplateEngines#defaults()}). */
    public Builder templateEngines(TemplateEngines engines) {
      this.engines = Objects.requireNonNull(engines, "engines");
      return this;
    }

    public PromptResolver build() {
      return new PromptResolver(this);
    }
  }
}
