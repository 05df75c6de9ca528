package dev.llmrouter.gateway.prompts;

import dev.llmrouter.gateway.config.GatewayConfigException;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the gateway keeps prompts: on or off, the database ({@code jdbc:...} URL or an SQLite file path,
 * default {@code ./data/prompts.db}), its credentials, whether the five example prompts are imported into
 * an empty store, the largest accepted template, and which prompts each user token may read.
 *
 * <p>Config file, key {@code prompts}: {@code enabled}, {@code database}, {@code seed},
 * {@code max_template_bytes}, {@code pool_size}. Environment (wins over the file):
 * {@code GATEWAY_PROMPTS_DB}, {@code GATEWAY_PROMPTS_DB_USER}, {@code GATEWAY_PROMPTS_DB_PASSWORD},
 * {@code GATEWAY_PROMPTS_SEED} ({@code false} to skip the examples), {@code GATEWAY_PROMPTS_ENABLED} and
 * {@code GATEWAY_TOKEN_PROMPTS} (token scopes, see {@link PromptScopes}; tokens never go in the file).
 * {@code toString()} shows no credential and no token.
 */
public final class PromptSettings {
  /** The default SQLite file, relative to the working directory. */
  public static final String DEFAULT_DATABASE = "./data/prompts.db";
  /** The default largest template (dotprompt text or prompt_data), in bytes. */
  public static final int DEFAULT_MAX_TEMPLATE_BYTES = 256 * 1024;

  private static final Set<String> KEYS = Set.of("enabled", "database", "seed", "max_template_bytes", "pool_size");

  private final boolean enabled;
  private final String database;
  private final String user;
  private final String password;
  private final boolean seed;
  private final int maxTemplateBytes;
  private final int poolSize;
  private final PromptScopes scopes;

  private PromptSettings(boolean enabled, String database, String user, String password, boolean seed,
      int maxTemplateBytes, int poolSize, PromptScopes scopes) {
    this.enabled = enabled;
    this.database = database;
    this.user = user;
    this.password = password;
    this.seed = seed;
    this.maxTemplateBytes = maxTemplateBytes;
    this.poolSize = poolSize;
    this.scopes = scopes;
  }

  /** Prompts off: no store, no prompt endpoints (the default of {@code GatewayConfig.builder()}). */
  public static PromptSettings disabled() {
    return new PromptSettings(false, DEFAULT_DATABASE, null, null, false, DEFAULT_MAX_TEMPLATE_BYTES, 4,
        PromptScopes.none());
  }

  /** Prompts on, in {@code database} (a JDBC URL or SQLite path), with the examples imported or not. */
  public static PromptSettings of(String database, boolean seed) {
    return new PromptSettings(true, database, null, null, seed, DEFAULT_MAX_TEMPLATE_BYTES, 4,
        PromptScopes.none());
  }

  /**
   * Reads the {@code prompts} object of the config file (may be empty) and the environment. Prompts are on
   * by default here, in {@link #DEFAULT_DATABASE}, with the examples imported.
   *
   * @throws GatewayConfigException naming the key and problem
   */
  public static PromptSettings from(JsonObject o, Map<String, String> env) {
    for (String k : o.keys()) {
      if (!KEYS.contains(k)) {
        throw new GatewayConfigException("config.prompts: unknown key '" + k + "' (allowed: "
            + KEYS.stream().sorted().toList() + ")");
      }
    }
    boolean enabled = bool(o, "enabled").orElse(true);
    String database = string(o, "database").orElse(DEFAULT_DATABASE);
    boolean seed = bool(o, "seed").orElse(true);
    int maxBytes = positive(o, "max_template_bytes").orElse(DEFAULT_MAX_TEMPLATE_BYTES);
    int pool = positive(o, "pool_size").orElse(4);
    Optional<String> e = env(env, "GATEWAY_PROMPTS_ENABLED");
    if (e.isPresent()) {
      enabled = envBool("GATEWAY_PROMPTS_ENABLED", e.get());
    }
    database = env(env, "GATEWAY_PROMPTS_DB").orElse(database);
    Optional<String> s = env(env, "GATEWAY_PROMPTS_SEED");
    if (s.isPresent()) {
      seed = envBool("GATEWAY_PROMPTS_SEED", s.get());
    }
    PromptScopes scopes = env(env, "GATEWAY_TOKEN_PROMPTS").map(PromptScopes::parse).orElse(PromptScopes.none());
    return new PromptSettings(enabled, database, env(env, "GATEWAY_PROMPTS_DB_USER").orElse(null),
        env(env, "GATEWAY_PROMPTS_DB_PASSWORD").orElse(null), seed, maxBytes, pool, scopes);
  }

  /** The same settings with other token scopes. */
  public PromptSettings withScopes(PromptScopes scopes) {
    return new PromptSettings(enabled, database, user, password, seed, maxTemplateBytes, poolSize, scopes);
  }

  /** The same settings with another template size limit. */
  public PromptSettings withMaxTemplateBytes(int bytes) {
    if (bytes <= 0) {
      throw new GatewayConfigException("max_template_bytes must be positive, got " + bytes);
    }
    return new PromptSettings(enabled, database, user, password, seed, bytes, poolSize, scopes);
  }

  /** Whether the store and the prompt endpoints are on. */
  public boolean enabled() {
    return enabled;
  }

  /** The JDBC URL of the database. */
  public String jdbcUrl() {
    return JdbcUrls.toJdbcUrl(database);
  }

  /** The database user, if configured. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** The database password, if configured (never printed). */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** Whether the example prompts are imported into an empty store. */
  public boolean seed() {
    return seed;
  }

  /** The largest accepted template, in bytes. */
  public int maxTemplateBytes() {
    return maxTemplateBytes;
  }

  /** The most database connections open at once. */
  public int poolSize() {
    return poolSize;
  }

  /** Which prompts each user token may read. */
  public PromptScopes scopes() {
    return scopes;
  }

  @Override
  public String toString() {
    return "PromptSettings{enabled=" + enabled + ", database=" + JdbcUrls.redact(jdbcUrl()) + ", user="
        + (user == null ? "-" : "set") + ", password=" + (password == null ? "-" : "set") + ", seed=" + seed
        + ", maxTemplateBytes=" + maxTemplateBytes + ", scopedTokens=" + scopes.size() + "}";
  }

  private static Optional<String> env(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static boolean envBool(String name, String v) {
    switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true": case "1": case "yes": case "on":
        return true;
      case "false": case "0": case "no": case "off":
        return false;
      default:
        throw new GatewayConfigException(name + " must be true or false, got '" + v + "'");
    }
  }

  private static Optional<Boolean> bool(JsonObject o, String key) {
    Optional<JsonValue> v = o.getNonNull(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonBoolean b) {
      return Optional.of(b.value());
    }
    throw new GatewayConfigException("config.prompts: '" + key + "' must be true or false");
  }

  private static Optional<String> string(JsonObject o, String key) {
    Optional<JsonValue> v = o.getNonNull(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonString s && !s.value().isBlank()) {
      return Optional.of(s.value().trim());
    }
    throw new GatewayConfigException("config.prompts: '" + key + "' must be a non-empty string");
  }

  private static Optional<Integer> positive(JsonObject o, String key) {
    Optional<JsonValue> v = o.getNonNull(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonNumber n && n.isIntegralLong() && n.longValueOfIntegral() > 0
        && n.longValueOfIntegral() <= Integer.MAX_VALUE) {
      return Optional.of((int) n.longValueOfIntegral());
    }
    throw new GatewayConfigException("config.prompts: '" + key + "' must be a positive integer");
  }
}
