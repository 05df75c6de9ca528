package dev.llmrouter.prompt;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt fields a request may carry ({@code prompt_id}, {@code prompt_variables}, {@code prompt_version},
 * {@code prompt_environment}, and LiteLLM's {@code prompt_label} as another name for the environment), read
 * and validated from a parsed body.
 */
final class PromptRequestFields {
  static final String PROMPT_ID = "prompt_id";
  static final String PROMPT_VARIABLES = "prompt_variables";
  static final String PROMPT_VERSION = "prompt_version";
  static final String PROMPT_ENVIRONMENT = "prompt_environment";
  static final String PROMPT_LABEL = "prompt_label";

  /** Every field removed from the body before it goes upstream. */
  static final List<String> ALL =
      List.of(PROMPT_ID, PROMPT_VARIABLES, PROMPT_VERSION, PROMPT_ENVIRONMENT, PROMPT_LABEL);

  static final Set<String> ALL_SET = Set.copyOf(ALL);

  /** The bytes whose absence proves a body has no {@code prompt_id} member (unless written with escapes). */
  static final byte[] MARKER = "prompt_id".getBytes(StandardCharsets.US_ASCII);

  /** LiteLLM's versioned ids: {@code base.vN}. */
  private static final Pattern VERSIONED = Pattern.compile("^(.+)\\.v(\\d{1,9})$");

  final PromptRef ref;
  final JsonObject variables;

  private PromptRequestFields(PromptRef ref, JsonObject variables) {
    this.ref = ref;
    this.variables = variables;
  }

  /** The fields of {@code body}; null when it has no (or a null) {@code prompt_id}. */
  static PromptRequestFields read(JsonObject body) {
    JsonValue id = body.getOrNull(PROMPT_ID);
    if (id == null || id.isNull()) {
      return null;
    }
    if (!(id instanceof JsonString s) || s.value().isBlank()) {
      throw new InvalidRequestException("'prompt_id' must be a non-empty string, got " + id.kind());
    }
    String promptId = s.value();
    String version = version(body.getOrNull(PROMPT_VERSION));
    Matcher m = VERSIONED.matcher(promptId);
    if (m.matches()) {
      // LiteLLM's id.vN names version N of id; an explicit prompt_version must agree.
      String suffix = String.valueOf(Integer.parseInt(m.group(2)));
      if (version != null && !version.equals(suffix)) {
        throw new InvalidRequestException("'prompt_id' " + PromptIds.describe(promptId)
            + " names version " + suffix + " but 'prompt_version' is " + version);
      }
      promptId = m.group(1);
      version = suffix;
    }
    String environment = text(body.getOrNull(PROMPT_ENVIRONMENT), PROMPT_ENVIRONMENT);
    String label = text(body.getOrNull(PROMPT_LABEL), PROMPT_LABEL);
    if (environment != null && label != null && !environment.equals(label)) {
      throw new InvalidRequestException(
          "'prompt_environment' and 'prompt_label' disagree; give one of them");
    }
    if (environment == null) {
      environment = label;
    }
    PromptRef ref = PromptRef.of(PromptIds.require("prompt_id", promptId));
    if (version != null) {
      ref = ref.withVersion(PromptIds.require("prompt_version", version));
    }
    if (environment != null) {
      ref = ref.withEnvironment(PromptIds.require("prompt_environment", environment));
    }
    JsonValue vars = body.getOrNull(PROMPT_VARIABLES);
    JsonObject variables;
    if (vars == null || vars.isNull()) {
      variables = JsonObject.empty();
    } else if (vars instanceof JsonObject o) {
      variables = o;
    } else {
      throw new InvalidRequestException("'prompt_variables' must be an object, got " + vars.kind());
    }
    return new PromptRequestFields(ref, variables);
  }

  private static String version(JsonValue v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof JsonString s) {
      String t = s.value().trim();
      return t.startsWith("v") && t.length() > 1 && Character.isDigit(t.charAt(1)) ? t.substring(1) : t;
    }
    if (v instanceof JsonNumber n && n.longValue().isPresent()) {
      return Long.toString(n.longValue().getAsLong());
    }
    throw new InvalidRequestException("'prompt_version' must be a string or an integer, got " + v.kind());
  }

  private static String text(JsonValue v, String field) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof JsonString s && !s.value().isBlank()) {
      return s.value();
    }
    throw new InvalidRequestException("'" + field + "' must be a non-empty string, got " + v.kind());
  }

  /** Whether {@code body} contains the bytes {@code prompt_id} anywhere (a cheap pre-check). */
  static boolean mayContain(byte[] body) {
    byte[] marker = MARKER;
    int last = body.length - marker.length;
    outer:
    for (int i = 0; i <= last; i++) {
      if (body[i] != 'p') {
        continue;
      }
      for (int j = 1; j < marker.length; j++) {
        if (body[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
