package dev.llmrouter.gateway.config;

import dev.llmrouter.gateway.prompts.PromptSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gateway needs to start: where to listen, the access tokens, stream keep-alive and body
 * limits, the thread pool bound, the catalog, the mock provider and the provider registrations. Immutable;
 * read it with {@link ConfigLoader} or build it with {@link #builder()}. {@code toString()} shows token
 * counts only, never a token.
 */
public final class GatewayConfig {
  /** Default port. */
  public static final int DEFAULT_PORT = 8080;
  /** Default bind address (loopback). */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private final String host;
  private final int port;
  private final List<String> authTokens;
  private final List<String> adminTokens;
  private final Duration keepAliveInterval;
  private final long maxBodyBytes;
  private final int maxThreads;
  private final Duration idleTimeout;
  private final Path catalogPath;
  private final MockSettings mock;
  private final List<ProviderEntry> providers;
  private final PromptSettings prompts;

  private GatewayConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.authTokens = List.copyOf(b.authTokens);
    this.adminTokens = List.copyOf(b.adminTokens);
    this.keepAliveInterval = b.keepAliveInterval;
    this.maxBodyBytes = b.maxBodyBytes;
    this.maxThreads = b.maxThreads;
    this.idleTimeout = b.idleTimeout;
    this.catalogPath = b.catalogPath;
    this.mock = b.mock;
    this.providers = List.copyOf(b.providers);
    this.prompts = b.prompts;
  }

  /** A builder with the defaults: loopback, port 8080, no tokens, the mock on, no providers. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.authTokens.addAll(authTokens);
    b.adminTokens.addAll(adminTokens);
    b.keepAliveInterval = keepAliveInterval;
    b.maxBodyBytes = maxBodyBytes;
    b.maxThreads = maxThreads;
    b.idleTimeout = idleTimeout;
    b.catalogPath = catalogPath;
    b.mock = mock;
    b.providers.addAll(providers);
    b.prompts = prompts;
    return b;
  }

  /** The bind address. */
  public String host() {
    return host;
  }

  /** The port; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** User tokens ({@code GATEWAY_AUTH_TOKENS}). */
  public List<String> authTokens() {
    return authTokens;
  }

  /** Admin tokens ({@code GATEWAY_ADMIN_TOKENS}): everything a user may do, plus {@code /metrics}. */
  public List<String> adminTokens() {
    return adminTokens;
  }

  /** Whether any token is configured (else auth is off and only loopback binds are allowed). */
  public boolean authEnabled() {
    return !authTokens.isEmpty() || !adminTokens.isEmpty();
  }

  /** The silence after which a stream gets a {@code : keep-alive} comment. */
  public Duration keepAliveInterval() {
    return keepAliveInterval;
  }

  /** The largest request body accepted (413 above). */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The bound of the platform thread pool (Java 17-20; on 21+ requests run on virtual threads). */
  public int maxThreads() {
    return maxThreads;
  }

  /** How long a connection may stay without any I/O. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** A catalog file replacing the bundled catalog. */
  public Optional<Path> catalogPath() {
    return Optional.ofNullable(catalogPath);
  }

  /** The mock provider settings. */
  public MockSettings mock() {
    return mock;
  }

  /** The providers to register. */
  public List<ProviderEntry> providers() {
    return providers;
  }

  /** The prompt store and prompt endpoints (off unless configured; {@link ConfigLoader} turns them on). */
  public PromptSettings prompts() {
    return prompts;
  }

  @Override
  public String toString() {
    return "GatewayConfig{host=" + host + ", port=" + port + ", authTokens=" + authTokens.size()
        + ", adminTokens=" + adminTokens.size() + ", keepAlive=" + keepAliveInterval + ", maxBodyBytes="
        + maxBodyBytes + ", maxThreads=" + maxThreads + ", catalog="
        + (catalogPath == null ? "bundled" : catalogPath) + ", mock=" + mock.enabled() + ", providers="
        + providers.stream().map(ProviderEntry::alias).toList() + ", prompts=" + prompts + "}";
  }

  /** Builds a {@link GatewayConfig}. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private final List<String> authTokens = new ArrayList<>();
    private final List<String> adminTokens = new ArrayList<>();
    private Duration keepAliveInterval = Duration.ofSeconds(15);
    private long maxBodyBytes = 32L * 1024 * 1024;
    private int maxThreads = 200;
    private Duration idleTimeout = Duration.ofMinutes(15);
    private Path catalogPath;
    private MockSettings mock = new MockSettings(true, List.of(), Map.of());
    private final List<ProviderEntry> providers = new ArrayList<>();
    private PromptSettings prompts = PromptSettings.disabled();

    private Builder() {}

    /** The bind address. */
    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new GatewayConfigException("host must not be empty");
      }
      this.host = host.trim();
      return this;
    }

    /** The port (0 for any free port). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new GatewayConfigException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Adds user tokens (blank ones are ignored). */
    public Builder authTokens(List<String> tokens) {
      tokens.stream().map(String::trim).filter(t -> !t.isEmpty()).forEach(authTokens::add);
      return this;
    }

    /** Adds admin tokens (blank ones are ignored). */
    public Builder adminTokens(List<String> tokens) {
      tokens.stream().map(String::trim).filter(t -> !t.isEmpty()).forEach(adminTokens::add);
      return this;
    }

    /** Keep-alive interval (positive). */
    public Builder keepAliveInterval(Duration d) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new GatewayConfigException("keep-alive interval must be positive");
      }
      this.keepAliveInterval = d;
      return this;
    }

    /** The body size limit (positive). */
    public Builder maxBodyBytes(long bytes) {
      if (bytes <= 0) {
        throw new GatewayConfigException("max_body_bytes must be positive, got " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** The platform thread pool bound (at least 8). */
    public Builder maxThreads(int n) {
      if (n < 8) {
        throw new GatewayConfigException("max_threads must be at least 8, got " + n);
      }
      this.maxThreads = n;
      return this;
    }

    /** Connection idle timeout (positive). */
    public Builder idleTimeout(Duration d) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new GatewayConfigException("idle timeout must be positive");
      }
      this.idleTimeout = d;
      return this;
    }

    /** A catalog file, or null for the bundled one. */
    public Builder catalogPath(Path path) {
      this.catalogPath = path;
      return this;
    }

    /** The mock settings. */
    public Builder mock(MockSettings mock) {
      this.mock = Objects.requireNonNull(mock, "mock");
      return this;
    }

    /** Adds a provider registration. */
    public Builder addProvider(ProviderEntry entry) {
      providers.add(Objects.requireNonNull(entry, "entry"));
      return this;
    }

    /** The prompt store settings. */
    public Builder prompts(PromptSettings prompts) {
      this.prompts = Objects.requireNonNull(prompts, "prompts");
      return this;
    }

    /** Builds the config. */
    public GatewayConfig build() {
      return new GatewayConfig(this);
    }
  }
}
