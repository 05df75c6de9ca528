package dev.llmrouter.providers.prompt;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.prompt.LiteLlmPromptJson;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptRef;
import dev.llmrouter.prompt.PromptSource;
import dev.llmrouter.prompt.PromptTemplateException;
import dev.llmrouter.providers.http.UrlPaths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A {@link PromptSource} on LiteLLM's generic prompt-management API:
 * {@code GET {apiBase}/beta/litellm_prompt_management?prompt_id=...} plus the configured custom query
 * params ({@code provider_specific_query_params}), with {@code Authorization: Bearer <apiKey>} only when a key
 * is configured, and the configured timeout applied to the whole call (30 s by default, LiteLLM's default,
 * which LiteLLM itself does not pass to its HTTP client).
 *
 * <p>LiteLLM sends no version or environment; this client encodes a pinned numeric version as
 * {@code prompt_id=id.vN} (LiteLLM's own convention) and any other version as a {@code version} query param,
 * and an environment as an {@code environment} query param (our gateway reads both). Response: see
 * {@link LiteLlmPromptJson}. Errors: 404 is {@link dev.llmrouter.prompt.PromptNotFoundException}; anything else
 * is typed as described in {@link PromptSource}.
 */
public final class LiteLlmPromptClient implements PromptSource {
  /** The endpoint path under the API base. */
  public static final String PATH = "beta/litellm_prompt_management";
  /** LiteLLM's default timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final HttpUrl endpoint;
  private final String apiKey;
  private final Map<String, String> queryParams;
  private final PromptHttp http;
  private final String name;

  private LiteLlmPromptClient(Builder b) {
    HttpUrl base = UrlPaths.parse(Objects.requireNonNull(b.apiBase, "apiBase"), "prompt management api_base");
    this.endpoint = UrlPaths.pushSegments(base, PATH.split("/"));
    this.apiKey = b.apiKey;
    this.queryParams = Map.copyOf(b.queryParams);
    this.name = b.name;
    this.http = new PromptHttp(b.name, b.client, b.timeout);
  }

  /** A builder for the API at {@code apiBase} (such as {@code http://localhost:8080}). */
  public static Builder builder(String apiBase) {
    return new Builder(apiBase);
  }

  @Override
  public Prompt load(PromptRef ref) {
    HttpUrl.Builder url = endpoint.newBuilder();
    String promptId = ref.id();
    boolean numericVersion = ref.version().map(v -> v.matches("\\d{1,9}")).orElse(false);
    if (numericVersion) {
      promptId = ref.id() + ".v" + ref.version().get();
    }
    url.addQueryParameter("prompt_id", promptId);
    queryParams.forEach(url::addQueryParameter);
    if (ref.version().isPresent() && !numericVersion) {
      url.addQueryParameter("version", ref.version().get());
    }
    ref.environment().ifPresent(env -> url.addQueryParameter("environment", env));
    JsonObject body = http.getJson(url.build(), apiKey, ref);
    try {
      return LiteLlmPromptJson.read(body, ref);
    } catch (PromptTemplateException e) {
      throw new UpstreamProtocolException(name, e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** Names the endpoint; never the API key. */
  @Override
  public String toString() {
    return "LiteLlmPromptClient{" + UrlPaths.redact(endpoint) + ", apiKey=" + (apiKey == null ? "none" : "set") + "}";
  }

  /** Builds a {@link LiteLlmPromptClient}. */
  public static final class Builder {
    private final String apiBase;
    private String apiKey;
    private final Map<String, String> queryParams = new LinkedHashMap<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private OkHttpClient client;
    private String name = "litellm-prompts";

    private Builder(String apiBase) {
      this.apiBase = apiBase;
    }

    /** The bearer token; null for none (no Authorization header is sent then). */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /** One of LiteLLM's {@code provider_specific_query_params}, added to every request. */
    public Builder queryParam(String name, String value) {
      if (name == null || name.isEmpty() || value == null) {
        throw new InvalidRequestException("a prompt-management query param needs a name and a value");
      }
      queryParams.put(name, value);
      return this;
    }

    /** Several custom query params. */
    public Builder queryParams(Map<String, String> params) {
      params.forEach(this::queryParam);
      return this;
    }

    /** The limit on one whole call (default 30 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The OkHttp client to share (default: the router's shared client). */
    public Builder client(OkHttpClient client) {
      this.client = client;
      return this;
    }

    /** The name used in errors (default {@code litellm-prompts}). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    public LiteLlmPromptClient build() {
      return new LiteLlmPromptClient(this);
    }
  }
}
