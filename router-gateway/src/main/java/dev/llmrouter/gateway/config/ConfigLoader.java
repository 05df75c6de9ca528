package dev.llmrouter.gateway.config;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.gateway.prompts.PromptSettings;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.providers.mock.MockProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the gateway's JSON config file (optional) and the environment into a {@link GatewayConfig}.
 *
 * <p>File keys: {@code host}, {@code port}, {@code catalog} (a model_list.json path), {@code keep_alive_ms},
 * {@code max_body_bytes}, {@code max_threads}, {@code idle_timeout_ms}, {@code env_providers} (default
 * true), {@code mock} ({@code enabled}, {@code models}, {@code latency_ms}, {@code chunk_delay_ms},
 * {@code text}, {@code prompt_tokens}, {@code completion_tokens}), {@code prompts} (see {@link PromptSettings})
 * and {@code providers}, a list of
 * {@code {alias, kind, endpoint, metadata, api_key_env, default_for}}. Secrets never go in the file: a
 * provider names the environment variable holding its key ({@code api_key_env}).
 *
 * <p>Environment: {@code HOST} and {@code PORT} override the file; {@code GATEWAY_AUTH_TOKENS} and
 * {@code GATEWAY_ADMIN_TOKENS} (comma-separated) are the access tokens; provider keys as in
 * {@link EnvProviders}. Unknown file keys are errors, so typos do not pass silently.
 */
public final class ConfigLoader {
  private static final Set<String> TOP_KEYS = Set.of("host", "port", "catalog", "keep_alive_ms",
      "max_body_bytes", "max_threads", "idle_timeout_ms", "env_providers", "mock", "providers", "prompts");
  private static final Set<String> MOCK_KEYS = Set.of("enabled", "models", "latency_ms", "chunk_delay_ms",
      "text", "prompt_tokens", "completion_tokens");
  private static final Set<String> PROVIDER_KEYS = Set.of("alias", "kind", "endpoint", "metadata",
      "api_key_env", "default_for");

  private ConfigLoader() {}

  /**
   * Loads the config.
   *
   * @param file the JSON file, if any
   * @param env the environment (System.getenv() in production)
   * @param notes receives one line per provider decision (no secrets)
   * @throws GatewayConfigException naming the file, key and problem
   */
  public static GatewayConfig load(Optional<Path> file, Map<String, String> env, Consumer<String> notes) {
    JsonObject root = JsonObject.empty();
    if (file.isPresent()) {
      root = read(file.get());
    }
    return fromJson(root, env, notes);
  }

  /** Like {@link #load} from JSON text (tests). */
  public static GatewayConfig fromJson(JsonObject root, Map<String, String> env, Consumer<String> notes) {
    checkKeys(root, TOP_KEYS, "config");
    GatewayConfig.Builder b = GatewayConfig.builder();
    string(root, "host").ifPresent(b::host);
    integer(root, "port").ifPresent(p -> b.port(Math.toIntExact(p)));
    string(root, "catalog").ifPresent(p -> b.catalogPath(Path.of(p)));
    integer(root, "keep_alive_ms").ifPresent(ms -> b.keepAliveInterval(Duration.ofMillis(ms)));
    integer(root, "max_body_bytes").ifPresent(b::maxBodyBytes);
    integer(root, "max_threads").ifPresent(n -> b.maxThreads(Math.toIntExact(n)));
    integer(root, "idle_timeout_ms").ifPresent(ms -> b.idleTimeout(Duration.ofMillis(ms)));

    Optional<String> host = env(env, "HOST");
    host.ifPresent(b::host);
    Optional<String> port = env(env, "PORT");
    if (port.isPresent()) {
      try {
        b.port(Integer.parseInt(port.get()));
      } catch (NumberFormatException e) {
        throw new GatewayConfigException("PORT must be a number, got '" + port.get() + "'");
      }
    }
    env(env, "GATEWAY_AUTH_TOKENS").ifPresent(t -> b.authTokens(Arrays.asList(t.split(","))));
    env(env, "GATEWAY_ADMIN_TOKENS").ifPresent(t -> b.adminTokens(Arrays.asList(t.split(","))));

    b.mock(mock(root.getObject("mock").orElse(JsonObject.empty())));
    if (root.getNonNull("prompts").isPresent() && root.getObject("prompts").isEmpty()) {
      throw new GatewayConfigException("config: 'prompts' must be an object");
    }
    b.prompts(PromptSettings.from(root.getObject("prompts").orElse(JsonObject.empty()), env));

    List<String> taken = new ArrayList<>();
    taken.add(MockProvider.ID);
    for (JsonValue v : array(root, "providers")) {
      if (!(v instanceof JsonObject p)) {
        throw new GatewayConfigException("config: every entry of 'providers' must be an object");
      }
      provider(p, env, notes).ifPresent(entry -> {
        if (taken.contains(entry.alias())) {
          throw new GatewayConfigException("config: provider alias '" + entry.alias() + "' is used twice");
        }
        taken.add(entry.alias());
        b.addProvider(entry);
      });
    }
    boolean envProviders = root.getBoolean("env_providers").orElse(true);
    if (envProviders) {
      EnvProviders.from(env, taken, notes).forEach(b::addProvider);
    }
    return b.build();
  }

  private static JsonObject read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new GatewayConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    try {
      return JsonTree.parseObject(bytes);
    } catch (JsonSyntaxException e) {
      throw new GatewayConfigException("config file " + file + " is not a JSON object: " + e.getMessage(), e);
    }
  }

  private static MockSettings mock(JsonObject m) {
    checkKeys(m, MOCK_KEYS, "config.mock");
    boolean enabled = m.getBoolean("enabled").orElse(true);
    List<String> models = new ArrayList<>();
    for (JsonValue v : array(m, "models")) {
      if (!(v instanceof JsonString s)) {
        throw new GatewayConfigException("config.mock.models must be a list of strings");
      }
      models.add(s.value());
    }
    Map<String, String> meta = new LinkedHashMap<>();
    for (String key : List.of("latency_ms", "chunk_delay_ms", "prompt_tokens", "completion_tokens")) {
      integer(m, key).ifPresent(n -> meta.put(key, Long.toString(n)));
    }
    string(m, "text").ifPresent(t -> meta.put("text", t));
    return new MockSettings(enabled, models, meta);
  }

  private static Optional<ProviderEntry> provider(JsonObject p, Map<String, String> env, Consumer<String> notes) {
    checkKeys(p, PROVIDER_KEYS, "config.providers[]");
    String kind = string(p, "kind")
        .orElseThrow(() -> new GatewayConfigException("config.providers[]: 'kind' is required"));
    String alias = string(p, "alias").orElse(kind);
    Map<String, String> meta = new LinkedHashMap<>();
    Optional<JsonObject> metadata = p.getObject("metadata");
    if (metadata.isEmpty() && p.has("metadata")) {
      throw new GatewayConfigException("config provider '" + alias + "': 'metadata' must be an object");
    }
    metadata.ifPresent(o -> o.forEach((k, v) -> meta.put(k, scalar(v, "provider '" + alias + "' metadata." + k))));
    List<ProviderFormat> defaults = new ArrayList<>();
    for (JsonValue v : array(p, "default_for")) {
      String name = v instanceof JsonString s ? s.value() : String.valueOf(v);
      defaults.add(ProviderFormat.fromName(name).orElseThrow(() -> new GatewayConfigException(
          "config provider '" + alias + "': unknown format '" + name + "' in default_for")));
    }
    AuthConfig auth;
    String source;
    if (kind.equals("bedrock")) {
      String region = Optional.ofNullable(meta.get("region")).or(() -> env(env, "AWS_REGION"))
          .orElseThrow(() -> new GatewayConfigException(
              "config provider '" + alias + "': bedrock needs metadata.region or AWS_REGION"));
      auth = AuthConfig.AwsSigV4.defaultChain(region);
      source = "config (AWS default credentials chain)";
    } else if (kind.equals(MockProvider.ID)) {
      auth = ProviderAuth.none();
      source = "config";
    } else {
      String keyVar = string(p, "api_key_env").orElseThrow(() -> new GatewayConfigException(
          "config provider '" + alias + "': 'api_key_env' (the environment variable holding its key) is required"));
      Optional<String> key = env(env, keyVar);
      if (key.isEmpty()) {
        notes.accept("provider " + alias + ": not registered (" + keyVar + " is not set)");
        return Optional.empty();
      }
      auth = ProviderAuth.apiKey(kind, key.get());
      source = "config with " + keyVar;
    }
    notes.accept("provider " + alias + ": registered (kind " + kind + ", " + source + ")");
    return Optional.of(new ProviderEntry(alias, kind, string(p, "endpoint"), meta, auth, defaults, source));
  }

  private static void checkKeys(JsonObject o, Set<String> allowed, String where) {
    for (String k : o.keys()) {
      if (!allowed.contains(k)) {
        throw new GatewayConfigException(where + ": unknown key '" + k + "' (allowed: "
            + allowed.stream().sorted().toList() + ")");
      }
    }
  }

  private static Optional<String> env(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static Optional<String> string(JsonObject o, String key) {
    Optional<JsonValue> v = o.getNonNull(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonString s) {
      return Optional.of(s.value());
    }
    throw new GatewayConfigException("config: '" + key + "' must be a string");
  }

  private static Optional<Long> integer(JsonObject o, String key) {
    Optional<JsonValue> v = o.getNonNull(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonNumber) {
      try {
        BigDecimal d = o.getDecimal(key).orElseThrow();
        long n = d.longValueExact();
        if (n >= 0) {
          return Optional.of(n);
        }
      } catch (ArithmeticException e) {
        // falls through to the error below
      }
    }
    throw new GatewayConfigException("config: '" + key + "' must be a non-negative integer");
  }

  private static List<JsonValue> array(JsonObject o, String key) {
    Optional<JsonValue> v = o.getNonNull(key);
    if (v.isEmpty()) {
      return List.of();
    }
    if (v.get() instanceof JsonArray a) {
      return a.values();
    }
    throw new GatewayConfigException("config: '" + key + "' must be a list");
  }

  private static String scalar(JsonValue v, String where) {
    if (v instanceof JsonString s) {
      return s.value();
    }
    if (v instanceof JsonNumber || v instanceof JsonBoolean) {
      return JsonTree.writeString(v);
    }
    throw new GatewayConfigException("config " + where + " must be a string, number or boolean");
  }
}
