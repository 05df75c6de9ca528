package dev.llmrouter.http;

import dev.llmrouter.error.InvalidRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Headers that travel from the caller to the provider: the client's own headers, filtered, plus headers the
 * operator configured, unfiltered. Immutable; build with {@link #builder()}.
 *
 * <p>Forwarded headers drop anything that identifies or authenticates the caller, or that the HTTP client
 * must own: the prefixes {@code x-amzn}, {@code x-bt}, {@code sec-}, {@code cf-} and the names in
 * {@link #BLOCKED_NAMES}. Names are stored lower-cased, one value each, the last write winning. Providers
 * write these first, then their own constants, then auth, so auth always wins.
 */
public final class ClientHeaders {

  /** Exact header names never forwarded from a client (matched case-insensitively). */
  public static final Set<String> BLOCKED_NAMES =
      Set.of(
          "authorization",
          "api-key",
          "x-api-key",
          "x-auth-token",
          "content-length",
          "origin",
          "priority",
          "referer",
          "user-agent",
          "cache-control",
          "accept-encoding",
          "x-forwarded-for",
          "x-forwarded-proto",
          "x-forwarded-host",
          "x-real-ip");

  /** Header name prefixes never forwarded from a client (matched case-insensitively). */
  public static final Set<String> BLOCKED_PREFIXES = Set.of("x-amzn", "x-bt", "sec-", "cf-");

  private static final ClientHeaders EMPTY = new ClientHeaders(Map.of(), Map.of());

  private final Map<String, String> forwarded;
  private final Map<String, String> userConfigured;

  private ClientHeaders(Map<String, String> forwarded, Map<String, String> userConfigured) {
    this.forwarded = forwarded;
    this.userConfigured = userConfigured;
  }

  /** No headers at all. */
  public static ClientHeaders empty() {
    return EMPTY;
  }

  /** A builder; {@link Builder#add} filters, {@link Builder#addUserConfigured} does not. */
  public static Builder builder() {
    return new Builder();
  }

  /** Client headers from name/value pairs, filtered as by {@link Builder#add}. */
  public static ClientHeaders of(Map<String, String> clientHeaders) {
    Builder b = builder();
    clientHeaders.forEach(b::add);
    return b.build();
  }

  /** Whether a client header with this name would be dropped. */
  public static boolean isBlocked(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (BLOCKED_NAMES.contains(lower)) {
      return true;
    }
    for (String prefix : BLOCKED_PREFIXES) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** A builder preloaded with these headers. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.forwarded.putAll(forwarded);
    b.userConfigured.putAll(userConfigured);
    return b;
  }

  /** The forwarded client headers (lower-case names), including {@code host}, which is never applied. */
  public Map<String, String> forwarded() {
    return forwarded;
  }

  /** The operator-configured headers, in insertion order, with their names as given. */
  public Map<String, String> userConfigured() {
    return userConfigured;
  }

  /** The value a provider will send for {@code name}, if any (user-configured wins). */
  public Optional<String> get(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : userConfigured.entrySet()) {
      if (e.getKey().equalsIgnoreCase(lower)) {
        return Optional.of(e.getValue());
      }
    }
    if ("host".equals(lower)) {
      return Optional.empty();
    }
    return Optional.ofNullable(forwarded.get(lower));
  }

  /**
   * Writes the forwarded headers (except {@code host}, and silently skipping values that are not valid
   * header values), then the user-configured ones, which override.
   */
  public void applyTo(HeaderSink sink) {
    writeForwarded(sink);
    userConfigured.forEach(sink::set);
  }

  /** Like {@link #applyTo} but forces {@code content-type: application/json} before the user headers. */
  public void applyJsonTo(HeaderSink sink) {
    writeForwarded(sink);
    sink.set("content-type", "application/json");
    userConfigured.forEach(sink::set);
  }

  private void writeForwarded(HeaderSink sink) {
    forwarded.forEach(
        (name, value) -> {
          if (!"host".equals(name) && HeaderSyntax.isValidValue(value)) {
            sink.set(name, value);
          }
        });
  }

  /** Header names only: values may be credentials. */
  @Override
  public String toString() {
    return "ClientHeaders{forwarded=" + forwarded.keySet() + ", userConfigured=" + userConfigured.keySet() + "}";
  }

  /** Collects client and operator headers. */
  public static final class Builder {
    private final LinkedHashMap<String, String> forwarded = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> userConfigured = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a client header unless it is blocked; the name is lower-cased and a later value replaces an
     * earlier one. Returns whether it was kept.
     */
    public Builder add(String name, String value) {
      if (name != null && value != null && !name.isEmpty() && !isBlocked(name)) {
        forwarded.put(name.toLowerCase(Locale.ROOT), value);
      }
      return this;
    }

    /**
     * Adds an operator-configured header. It is not filtered (it may set {@code authorization} or
     * {@code host}) and overrides forwarded headers; auth still wins. Invalid names or values are rejected.
     *
     * @throws InvalidRequestException if the name or value is not valid HTTP syntax
     */
    public Builder addUserConfigured(String name, String value) {
      if (!HeaderSyntax.isValidName(name)) {
        throw new InvalidRequestException("invalid user-configured header name '" + name + "'");
      }
      if (!HeaderSyntax.isValidValue(value)) {
        throw new InvalidRequestException("invalid value for user-configured header '" + name + "'");
      }
      userConfigured.put(name, value);
      return this;
    }

    public ClientHeaders build() {
      if (forwarded.isEmpty() && userConfigured.isEmpty()) {
        return EMPTY;
      }
      return new ClientHeaders(
          Collections.unmodifiableMap(new LinkedHashMap<>(forwarded)),
          Collections.unmodifiableMap(new LinkedHashMap<>(userConfigured)));
    }
  }
}
