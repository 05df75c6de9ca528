package dev.llmrouter.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A bearer token and when it expires (empty: unknown, treated as never). {@code toString()} hides it. */
public final class AccessToken {
  private final String value;
  private final Instant expiresAt;

  private AccessToken(String value, Instant expiresAt) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("access token is empty");
    }
    this.value = value;
    this.expiresAt = expiresAt;
  }

  /** A token that expires at {@code expiresAt}. */
  public static AccessToken of(String value, Instant expiresAt) {
    return new AccessToken(value, Objects.requireNonNull(expiresAt, "expiresAt"));
  }

  /** A token with no known expiry. */
  public static AccessToken nonExpiring(String value) {
    return new AccessToken(value, null);
  }

  /** The secret itself. */
  public String value() {
    return value;
  }

  /** When the token stops working, if known. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken t && t.value.equals(value) && Objects.equals(t.expiresAt, expiresAt);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "AccessToken{value=" + Redaction.redact(value) + ", expiresAt=" + expiresAt + "}";
  }
}
