package dev.llmrouter.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps secrets out of logs, messages and errors: turns a secret into a safe description, tells
 * credential-bearing header names apart, and scrubs known secret values out of text an upstream sent back.
 */
public final class Redaction {
  /** What a scrubbed secret is replaced with. */
  public static final String REDACTED = "[REDACTED]";

  /** Header names that always carry credentials (lower case). */
  private static final Set<String> CREDENTIAL_HEADERS = Set.of(
      "authorization", "proxy-authorization", "cookie", "cookie2", "set-cookie", "set-cookie2", "x-api-key",
      "api-key", "x-goog-api-key", "x-amz-security-token", "ocp-apim-subscription-key");

  /** Secrets shorter than this are not scrubbed from text (too likely to match ordinary words). */
  private static final int MIN_SCRUB_LENGTH = 8;

  private Redaction() {}

  /** {@code ***(N chars)}: enough to tell an empty key from a set one, nothing to recover it. */
  public static String redact(String secret) {
    if (secret == null) {
      return "none";
    }
    return "***(" + secret.length() + " chars)";
  }

  /**
   * Whether a header with this name (any case) may carry a credential: the well-known ones
   * ({@code authorization}, {@code proxy-authorization}, cookies, {@code x-api-key}, {@code api-key},
   * {@code x-goog-api-key}, ...) and any name containing {@code secret}, {@code password}, {@code credential},
   * {@code session}, {@code cookie}, {@code auth} (but not {@code www-authenticate}), {@code key} or
   * {@code token}. Rate-limit headers ({@code x-ratelimit-remaining-tokens},
   * {@code anthropic-ratelimit-tokens-reset}, ...) are not credentials and are kept, since retry logic reads
   * them.
   */
  public static boolean isCredentialHeader(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (CREDENTIAL_HEADERS.contains(n)) {
      return true;
    }
    if (n.contains("secret") || n.contains("password") || n.contains("credential") || n.contains("session")
        || n.contains("cookie") || (n.contains("auth") && !n.endsWith("authenticate"))) {
      return true;
    }
    boolean rateLimit = n.contains("ratelimit") || n.contains("rate-limit");
    return !rateLimit && (n.contains("token") || n.contains("key"));
  }

  /**
   * {@code text} with every occurrence of each secret (of at least 8 characters) replaced by
   * {@link #REDACTED}; the same instance when none occurs.
   */
  public static String scrub(String text, Collection<String> secrets) {
    if (text == null || secrets == null || secrets.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= MIN_SCRUB_LENGTH && out.contains(secret)) {
        out = out.replace(secret, REDACTED);
      }
    }
    return out;
  }

  /**
   * {@code body} with every UTF-8 occurrence of each secret (of at least 8 characters) replaced by
   * {@link #REDACTED}; the same array when none occurs.
   */
  public static byte[] scrub(byte[] body, Collection<String> secrets) {
    if (body == null || secrets == null || secrets.isEmpty()) {
      return body;
    }
    byte[] out = body;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= MIN_SCRUB_LENGTH) {
        out = replaceAll(out, secret.getBytes(StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static byte[] replaceAll(byte[] body, byte[] secret) {
    int first = indexOf(body, secret, 0);
    if (first < 0) {
      return body;
    }
    byte[] replacement = REDACTED.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    int from = 0;
    for (int at = first; at >= 0; at = indexOf(body, secret, from)) {
      out.write(body, from, at - from);
      out.write(replacement, 0, replacement.length);
      from = at + secret.length;
    }
    out.write(body, from, body.length - from);
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
