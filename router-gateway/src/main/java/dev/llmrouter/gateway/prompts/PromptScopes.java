package dev.llmrouter.gateway.prompts;

import dev.llmrouter.gateway.auth.TokenAuthenticator;
import dev.llmrouter.gateway.config.GatewayConfigException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which prompts each user token may read, from {@code GATEWAY_TOKEN_PROMPTS}:
 * {@code token1:support-*;token2:hello-world-prompt,code-review-prompt;token3:*}. Entries are separated by
 * {@code ;}, the token from its patterns by the last {@code :}, patterns by {@code ,}; a pattern is an exact
 * base id, a prefix ending in {@code *}, or {@code *} for every prompt. A user token without an entry reads
 * no prompt; admin tokens read and write every prompt regardless. Only SHA-256 digests of the tokens are
 * kept and every digest is compared in constant time. Immutable.
 */
public final class PromptScopes {
  private static final Pattern PATTERN = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9_-]{0,127}\\*?");

  private record Entry(byte[] digest, List<String> patterns) {}

  private final List<Entry> entries;

  private PromptScopes(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** No token is scoped: user tokens read no prompt. */
  public static PromptScopes none() {
    return new PromptScopes(List.of());
  }

  /**
   * Parses the {@code GATEWAY_TOKEN_PROMPTS} syntax.
   *
   * @throws GatewayConfigException naming the entry (by position, never by token) and the problem
   */
  public static PromptScopes parse(String spec) {
    List<Entry> out = new ArrayList<>();
    String[] parts = spec.split(";");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      int colon = part.lastIndexOf(':');
      if (colon <= 0 || colon == part.length() - 1) {
        throw new GatewayConfigException("GATEWAY_TOKEN_PROMPTS entry " + (i + 1)
            + " must be '<token>:<prompt id or prefix*>[,...]'");
      }
      List<String> patterns = new ArrayList<>();
      for (String p : part.substring(colon + 1).split(",")) {
        String t = p.trim();
        if (!PATTERN.matcher(t).matches()) {
          throw new GatewayConfigException("GATEWAY_TOKEN_PROMPTS entry " + (i + 1) + ": '"
              + VersionedId.printable(t) + "' is not a prompt id, a prefix ending in '*', or '*'");
        }
        patterns.add(t);
      }
      out.add(new Entry(TokenAuthenticator.sha256(part.substring(0, colon).trim()), List.copyOf(patterns)));
    }
    return new PromptScopes(out);
  }

  /** How many tokens are scoped. */
  public int size() {
    return entries.size();
  }

  /** The patterns of a presented token, if it has an entry (later entries for the same token add up). */
  Optional<List<String>> patterns(String token) {
    byte[] d = TokenAuthenticator.sha256(token);
    List<String> all = new ArrayList<>();
    boolean found = false;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(d, e.digest())) {
        found = true;
        all.addAll(e.patterns());
      }
    }
    return found ? Optional.of(List.copyOf(all)) : Optional.empty();
  }

  /** Whether a pattern list admits {@code baseId}. */
  static boolean matches(List<String> patterns, String baseId) {
    for (String p : patterns) {
      if (p.equals("*") || p.equals(baseId)
          || (p.endsWith("*") && baseId.startsWith(p.substring(0, p.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "PromptScopes{scopedTokens=" + entries.size() + "}";
  }
}
