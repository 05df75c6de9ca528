package dev.llmrouter.providers.prompt;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptNotFoundException;
import dev.llmrouter.prompt.PromptRef;
import dev.llmrouter.prompt.PromptSource;
import dev.llmrouter.prompt.PromptTemplateException;
import dev.llmrouter.providers.http.UrlPaths;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A {@link PromptSource} on Braintrust's REST API, with {@code Authorization: Bearer <apiKey>}.
 *
 * <ul>
 *   <li>Without a project: the prompt id is Braintrust's prompt id, {@code GET /v1/prompt/{id}}.
 *   <li>With a project name or id: the prompt id is the slug, {@code GET /v1/prompt?project_name=&slug=}
 *       (or {@code project_id=}), first of {@code objects}.
 *   <li>A pinned version is sent as {@code version}, an environment as {@code environment} (Braintrust accepts
 *       one or the other: asking for both is a client error); neither means the latest.
 * </ul>
 *
 * <p>A single object or a list answer ({@code objects}) are both accepted; an empty list is
 * {@link PromptNotFoundException}. The object is mapped by {@link BraintrustPromptMapper}. The API key never
 * appears in logs, messages or {@link #toString()}.
 */
public final class BraintrustPromptClient implements PromptSource {
  /** Braintrust's public API. */
  public static final String DEFAULT_BASE_URL = "https://api.braintrust.dev";

  private final HttpUrl base;
  private final String apiKey;
  private final String projectName;
  private final String projectId;
  private final PromptHttp http;
  private final String name;

  private BraintrustPromptClient(Builder b) {
    if (b.apiKey == null || b.apiKey.isEmpty()) {
      throw new InvalidRequestException("Braintrust prompt client needs an API key");
    }
    if (b.projectName != null && b.projectId != null) {
      throw new InvalidRequestException("give a Braintrust project name or a project id, not both");
    }
    this.base = UrlPaths.parse(b.baseUrl, "Braintrust base URL");
    this.apiKey = b.apiKey;
    this.projectName = b.projectName;
    this.projectId = b.projectId;
    this.name = b.name;
    this.http = new PromptHttp(b.name, b.client, b.timeout);
  }

  /** A builder with the API key. */
  public static Builder builder(String apiKey) {
    return new Builder(apiKey);
  }

  @Override
  public Prompt load(PromptRef ref) {
    if (ref.version().isPresent() && ref.environment().isPresent()) {
      throw new InvalidRequestException(
          "Braintrust prompts are looked up by version or by environment, not both (" + ref + ")");
    }
    HttpUrl.Builder url;
    if (projectName == null && projectId == null) {
      url = UrlPaths.pushSegments(base, "v1", "prompt", ref.id()).newBuilder();
    } else {
      url = UrlPaths.pushSegments(base, "v1", "prompt").newBuilder();
      if (projectName != null) {
        url.addQueryParameter("project_name", projectName);
      } else {
        url.addQueryParameter("project_id", projectId);
      }
      url.addQueryParameter("slug", ref.id());
    }
    ref.version().ifPresent(v -> url.addQueryParameter("version", v));
    ref.environment().ifPresent(e -> url.addQueryParameter("environment", e));
    JsonObject answer = http.getJson(url.build(), apiKey, ref);
    JsonObject object = answer;
    JsonValue objects = answer.getOrNull("objects");
    if (objects != null) {
      if (!(objects instanceof JsonArray list)) {
        throw new UpstreamProtocolException(name, "'objects' in the answer for " + ref + " is not a list");
      }
      if (list.isEmpty()) {
        throw new PromptNotFoundException(ref, "Braintrust has no such prompt");
      }
      object = list.get(0).asObject().orElseThrow(
          () -> new UpstreamProtocolException(name, "'objects' item for " + ref + " is not an object"));
    }
    try {
      return BraintrustPromptMapper.map(object, ref);
    } catch (PromptTemplateException e) {
      throw new UpstreamProtocolException(name, e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** Names the base URL and project; never the API key. */
  @Override
  public String toString() {
    return "BraintrustPromptClient{" + UrlPaths.redact(base)
        + (projectName != null ? ", project=" + projectName : projectId != null ? ", projectId=" + projectId : "")
        + "}";
  }

  /** Builds a {@link BraintrustPromptClient}. */
  public static final class Builder {
    private final String apiKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private String projectName;
    private String projectId;
    private Duration timeout = Duration.ofSeconds(30);
    private OkHttpClient client;
    private String name = "braintrust-prompts";

    private Builder(String apiKey) {
      this.apiKey = apiKey;
    }

    /** The API base (default {@link #DEFAULT_BASE_URL}). */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Look prompts up by slug in this project (by name). */
    public Builder projectName(String projectName) {
      this.projectName = projectName;
      return this;
    }

    /** Look prompts up by slug in this project (by id). */
    public Builder projectId(String projectId) {
      this.projectId = projectId;
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

    /** The name used in errors (default {@code braintrust-prompts}). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    public BraintrustPromptClient build() {
      return new BraintrustPromptClient(this);
    }
  }
}
