package dev.llmrouter.gateway.auth;

/** What a caller may do: nothing, the model endpoints, or also the admin endpoints ({@code /metrics}). */
public enum Access {
  /** No valid token. */
  NONE,
  /** A user token (or auth disabled): model endpoints. */
  USER,
  /** An admin token: everything a user may do, plus the admin endpoints. */
  ADMIN;

  /** Whether this level includes {@code needed}. */
  public boolean allows(Access needed) {
    return compareTo(needed) >= 0;
  }
}
