package dev.llmrouter.gateway.prompts;

import dev.llmrouter.error.InvalidRequestException;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated prompt reference: a base id ({@code code-review-prompt}) and, for {@code id.vN}, a pinned
 * version. Ids are 1-128 characters of letters, digits, {@code -} and {@code _}, starting with a letter or
 * digit, so they can never name a path ({@code /}, {@code ..}, {@code \}) or carry control characters; the
 * only dot allowed is the {@code .vN} suffix. Environments are 1-64 characters of the same set, lower-cased.
 */
public record VersionedId(String baseId, OptionalInt version) {
  /** The longest accepted base id. */
  public static final int MAX_ID_LENGTH = 128;
  /** The longest accepted environment name. */
  public static final int MAX_ENVIRONMENT_LENGTH = 64;
  /** The environment used when none is given (LiteLLM's default). */
  public static final String DEFAULT_ENVIRONMENT = "development";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0," + (MAX_ID_LENGTH - 1) + "}");
  private static final Pattern VERSIONED = Pattern.compile("(.+)\\.v([0-9]{1,9})");
  private static final Pattern ENV = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_ENVIRONMENT_LENGTH - 1) + "}");

  /** Checks the components. */
  public VersionedId {
    requireBaseId(baseId);
    if (version.isPresent() && version.getAsInt() < 1) {
      throw new InvalidRequestException("prompt version must be at least 1, got " + version.getAsInt());
    }
  }

  /**
   * Parses {@code id} or {@code id.vN}.
   *
   * @throws InvalidRequestException naming the problem for anything else
   */
  public static VersionedId parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidRequestException("prompt_id is required");
    }
    Matcher m = VERSIONED.matcher(text);
    if (m.matches()) {
      return new VersionedId(m.group(1), OptionalInt.of(Integer.parseInt(m.group(2))));
    }
    return new VersionedId(text, OptionalInt.empty());
  }

  /**
   * Checks a base id (no version suffix).
   *
   * @throws InvalidRequestException if it is not a valid id
   */
  public static String requireBaseId(String id) {
    if (id == null || id.isEmpty()) {
      throw new InvalidRequestException("prompt_id is required");
    }
    if (!ID.matcher(id).matches()) {
      throw new InvalidRequestException("invalid prompt_id '" + printable(id) + "': use 1-" + MAX_ID_LENGTH
          + " letters, digits, '-' or '_' (starting with a letter or digit), optionally followed by .v<N>");
    }
    return id;
  }

  /**
   * Checks and lower-cases an environment name.
   *
   * @throws InvalidRequestException if it is not a valid name
   */
  public static String environment(String env) {
    if (env == null || env.isEmpty()) {
      throw new InvalidRequestException("environment must not be empty");
    }
    String lower = env.toLowerCase(Locale.ROOT);
    if (!ENV.matcher(lower).matches()) {
      throw new InvalidRequestException("invalid environment '" + printable(env) + "': use 1-"
          + MAX_ENVIRONMENT_LENGTH + " letters, digits, '-' or '_' (e.g. development, staging, production)");
    }
    return lower;
  }

  /** {@code baseId} or {@code baseId.vN}. */
  public String text() {
    return version.isPresent() ? versioned(baseId, version.getAsInt()) : baseId;
  }

  /** {@code id.vN}. */
  public static String versioned(String baseId, int version) {
    return baseId + ".v" + version;
  }

  /** A short, log- and message-safe rendering of untrusted text. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    int limit = Math.min(s.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (s.length() > limit) {
      b.append("...");
    }
    return b.toString();
  }
}
