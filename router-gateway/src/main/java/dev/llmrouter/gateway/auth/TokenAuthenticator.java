package dev.llmrouter.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks the token a caller presents against the configured user and admin tokens. The token is read from
 * {@code Authorization: Bearer <token>}, else {@code x-api-key} (Anthropic SDKs), else
 * {@code x-goog-api-key} (Gemini SDKs). Gemini's {@code key} query parameter is deliberately not accepted:
 * URLs end up in access logs and proxies. Only SHA-256 digests of the tokens are kept, and every digest is
 * compared with {@link MessageDigest#isEqual} (constant time), all of them on every call, so timing tells
 * nothing about which token matched or how much of one. With no token configured every caller is a user
 * (the server then refuses to bind anywhere but loopback). Thread-safe and immutable.
 */
public final class TokenAuthenticator {
  private final List<byte[]> userDigests;
  private final List<byte[]> adminDigests;

  /** An authenticator for these tokens (blank ones ignored). */
  public TokenAuthenticator(List<String> userTokens, List<String> adminTokens) {
    this.userDigests = digests(userTokens);
    this.adminDigests = digests(adminTokens);
  }

  /** Whether any token is configured. */
  public boolean enabled() {
    return !userDigests.isEmpty() || !adminDigests.isEmpty();
  }

  /**
   * The access of a request, given a header lookup (case-insensitive names).
   *
   * @param header returns a header's value or null
   */
  public Access authenticate(Function<String, String> header) {
    if (!enabled()) {
      return Access.ADMIN;
    }
    Optional<String> token = presented(header);
    if (token.isEmpty()) {
      return Access.NONE;
    }
    byte[] digest = sha256(token.get());
    boolean admin = matchesAny(digest, adminDigests);
    boolean user = matchesAny(digest, userDigests);
    return admin ? Access.ADMIN : user ? Access.USER : Access.NONE;
  }

  /** The token presented, if any: Bearer, then x-api-key, then x-goog-api-key. */
  public static Optional<String> presented(Function<String, String> header) {
    String authz = header.apply("authorization");
    if (authz != null) {
      String trimmed = authz.trim();
      if (trimmed.length() > 7 && trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
        String t = trimmed.substring(7).trim();
        if (!t.isEmpty()) {
          return Optional.of(t);
        }
      }
    }
    for (String name : List.of("x-api-key", "x-goog-api-key")) {
      String v = header.apply(name);
      if (v != null && !v.isBlank()) {
        return Optional.of(v.trim());
      }
    }
    return Optional.empty();
  }

  private static boolean matchesAny(byte[] digest, List<byte[]> digests) {
    boolean match = false;
    for (byte[] d : digests) {
      match |= MessageDigest.isEqual(digest, d);
    }
    return match;
  }

  private static List<byte[]> digests(List<String> tokens) {
    List<byte[]> out = new ArrayList<>();
    for (String t : tokens) {
      if (t != null && !t.isBlank()) {
        out.add(sha256(t.trim()));
      }
    }
    return List.copyOf(out);
  }

  /** The SHA-256 digest of a token: the only form in which gateway tokens are kept and compared. */
  public static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "TokenAuthenticator{userTokens=" + userDigests.size() + ", adminTokens=" + adminDigests.size() + "}";
  }
}
