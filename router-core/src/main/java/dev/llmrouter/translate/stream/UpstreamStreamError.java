package dev.llmrouter.translate.stream;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An error event in an upstream stream, read from any provider's shape and re-expressed in the client's
 * format. A deliberate improvement over lingua, which forwards error payloads it cannot detect unchanged
 * (so an Anthropic client could receive an OpenAI error object): issue 3 asks that upstream error events
 * become the target format's error event.
 *
 * <p>Recognized shapes: Anthropic {@code {"type":"error","error":{type,message}}}; Responses
 * {@code {"type":"error",code,message}} and {@code {"type":"response.failed","response":{"error":{...}}}};
 * OpenAI and Google {@code {"error":{...}}} (or a string); Bedrock exception events
 * {@code {"throttlingException":{"message":...}}}.
 *
 * @param category the normalized kind of failure
 * @param message the provider's message
 * @param code the provider's own code (string form), when it gave one
 */
record UpstreamStreamError(Category category, String message, Optional<String> code) {

  private static final String DEFAULT_MESSAGE = "upstream stream error";

  /** The normalized kinds of failure, with each format's name for them. */
  enum Category {
    /** The request was invalid. */
    INVALID_REQUEST(400, "invalid_request_error", "invalid_request_error", "INVALID_ARGUMENT", "validationException"),
    /** Missing or bad credentials. */
    AUTHENTICATION(401, "authentication_error", "authentication_error", "UNAUTHENTICATED", "accessDeniedException"),
    /** Not allowed. */
    PERMISSION(403, "permission_error", "permission_error", "PERMISSION_DENIED", "accessDeniedException"),
    /** Unknown model or resource. */
    NOT_FOUND(404, "not_found_error", "not_found_error", "NOT_FOUND", "resourceNotFoundException"),
    /** The request was too large. */
    REQUEST_TOO_LARGE(413, "request_too_large", "invalid_request_error", "INVALID_ARGUMENT", "validationException"),
    /** Rate or quota limit. */
    RATE_LIMIT(429, "rate_limit_error", "rate_limit_error", "RESOURCE_EXHAUSTED", "throttlingException"),
    /** The provider timed out. */
    TIMEOUT(504, "timeout_error", "server_error", "DEADLINE_EXCEEDED", "modelTimeoutException"),
    /** The provider is overloaded or unavailable. */
    OVERLOADED(529, "overloaded_error", "server_error", "UNAVAILABLE", "serviceUnavailableException"),
    /** Any other provider failure. */
    API_ERROR(500, "api_error", "server_error", "INTERNAL", "internalServerException");

    final int httpStatus;
    final String anthropicType;
    final String openAIType;
    final String googleStatus;
    final String converseException;

    Category(int httpStatus, String anthropicType, String openAIType, String googleStatus, String converseException) {
      this.httpStatus = httpStatus;
      this.anthropicType = anthropicType;
      this.openAIType = openAIType;
      this.googleStatus = googleStatus;
      this.converseException = converseException;
    }

    /** Google reports 503 for unavailability; Anthropic's 529 is its own. */
    int googleCode() {
      return this == OVERLOADED ? 503 : httpStatus;
    }
  }

  /** Provider type, status and code names (lower case) to categories. */
  private static final Map<String, Category> NAMES =
      Map.ofEntries(
          Map.entry("invalid_request_error", Category.INVALID_REQUEST),
          Map.entry("invalid_request", Category.INVALID_REQUEST),
          Map.entry("invalid_argument", Category.INVALID_REQUEST),
          Map.entry("failed_precondition", Category.INVALID_REQUEST),
          Map.entry("validationexception", Category.INVALID_REQUEST),
          Map.entry("invalid_prompt", Category.INVALID_REQUEST),
          Map.entry("context_length_exceeded", Category.INVALID_REQUEST),
          Map.entry("authentication_error", Category.AUTHENTICATION),
          Map.entry("unauthenticated", Category.AUTHENTICATION),
          Map.entry("invalid_api_key", Category.AUTHENTICATION),
          Map.entry("permission_error", Category.PERMISSION),
          Map.entry("permission_denied", Category.PERMISSION),
          Map.entry("billing_error", Category.PERMISSION),
          Map.entry("accessdeniedexception", Category.PERMISSION),
          Map.entry("not_found_error", Category.NOT_FOUND),
          Map.entry("not_found", Category.NOT_FOUND),
          Map.entry("model_not_found", Category.NOT_FOUND),
          Map.entry("resourcenotfoundexception", Category.NOT_FOUND),
          Map.entry("request_too_large", Category.REQUEST_TOO_LARGE),
          Map.entry("rate_limit_error", Category.RATE_LIMIT),
          Map.entry("rate_limit_exceeded", Category.RATE_LIMIT),
          Map.entry("insufficient_quota", Category.RATE_LIMIT),
          Map.entry("resource_exhausted", Category.RATE_LIMIT),
          Map.entry("throttlingexception", Category.RATE_LIMIT),
          Map.entry("servicequotaexceededexception", Category.RATE_LIMIT),
          Map.entry("timeout_error", Category.TIMEOUT),
          Map.entry("deadline_exceeded", Category.TIMEOUT),
          Map.entry("modeltimeoutexception", Category.TIMEOUT),
          Map.entry("overloaded_error", Category.OVERLOADED),
          Map.entry("unavailable", Category.OVERLOADED),
          Map.entry("server_is_overloaded", Category.OVERLOADED),
          Map.entry("slow_down", Category.OVERLOADED),
          Map.entry("serviceunavailableexception", Category.OVERLOADED),
          Map.entry("modelnotreadyexception", Category.OVERLOADED),
          Map.entry("api_error", Category.API_ERROR),
          Map.entry("server_error", Category.API_ERROR),
          Map.entry("internal", Category.API_ERROR),
          Map.entry("internalserverexception", Category.API_ERROR),
          Map.entry("modelstreamerrorexception", Category.API_ERROR));

  /**
   * The error an event carries, when it is an error event of a known shape.
   *
   * @param type the event's {@code type} member, or null
   */
  static Optional<UpstreamStreamError> read(JsonObject event, String type) {
    if (type != null) {
      if (type.equals("error")) {
        JsonValue inner = event.getOrNull("error");
        if (inner instanceof JsonObject e) {
          return Optional.of(fromObject(e));
        }
        return Optional.of(fromObject(event));
      }
      if (type.equals(ResponsesStreamState.FAILED)) {
        JsonObject response = event.getObject("response").orElse(JsonObject.empty());
        JsonObject error = response.getObject("error").orElse(JsonObject.empty());
        UpstreamStreamError read = fromObject(error);
        if (read.code.isEmpty() && read.category == Category.API_ERROR && error.isEmpty()) {
          return Optional.of(new UpstreamStreamError(Category.API_ERROR, "the response failed", Optional.empty()));
        }
        return Optional.of(read);
      }
      return Optional.empty();
    }
    JsonValue inner = event.getOrNull("error");
    if (inner instanceof JsonObject e) {
      return Optional.of(fromObject(e));
    }
    if (inner instanceof JsonString s) {
      return Optional.of(new UpstreamStreamError(Category.API_ERROR, s.value(), Optional.empty()));
    }
    if (event.size() == 1) {
      String key = event.keys().iterator().next();
      if (key.endsWith("Exception") && event.getOrNull(key) instanceof JsonObject body) {
        Category category = NAMES.getOrDefault(key.toLowerCase(Locale.ROOT), Category.API_ERROR);
        return Optional.of(
            new UpstreamStreamError(
                category, body.getString("message").orElse(DEFAULT_MESSAGE), Optional.of(key)));
      }
    }
    return Optional.empty();
  }

  /** Reads {type, code, status, message} from an error object of any provider. */
  private static UpstreamStreamError fromObject(JsonObject e) {
    String message = e.getString("message").orElse(DEFAULT_MESSAGE);
    Optional<String> code = Optional.empty();
    JsonValue c = e.getOrNull("code");
    if (c instanceof JsonString s) {
      code = Optional.of(s.value());
    } else if (c instanceof JsonNumber n) {
      code = Optional.of(n.text());
    }
    Category category = null;
    for (String field : new String[] {"type", "status", "code"}) {
      String v = e.getString(field).orElse(null);
      if (v != null) {
        category = NAMES.get(v.toLowerCase(Locale.ROOT));
        if (category != null) {
          break;
        }
      }
    }
    if (category == null && c instanceof JsonNumber n) {
      category = fromHttpStatus(n.longValue().orElse(500));
    }
    return new UpstreamStreamError(category == null ? Category.API_ERROR : category, message, code);
  }

  private static Category fromHttpStatus(long status) {
    switch ((int) status) {
      case 400:
        return Category.INVALID_REQUEST;
      case 401:
        return Category.AUTHENTICATION;
      case 402:
      case 403:
        return Category.PERMISSION;
      case 404:
        return Category.NOT_FOUND;
      case 413:
        return Category.REQUEST_TOO_LARGE;
      case 429:
        return Category.RATE_LIMIT;
      case 408:
      case 504:
        return Category.TIMEOUT;
      case 503:
      case 529:
        return Category.OVERLOADED;
      default:
        return Category.API_ERROR;
    }
  }

  /** Anthropic's {@code error} event. */
  OutEvent anthropicEvent() {
    JsonObject error =
        JsonObject.builder().put("type", category.anthropicType).put("message", message).build();
    return new OutEvent(JsonObject.builder().put("type", "error").put("error", error).build(), "error");
  }

  /** The OpenAI error object (Chat Completions stream error chunk, and the Responses failure's error). */
  JsonObject openAIError() {
    return JsonObject.builder()
        .put("message", message)
        .put("type", category.openAIType)
        .put("param", JsonNull.INSTANCE)
        .put("code", code.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE))
        .build();
  }

  /** The Responses {@code error} event (its sequence number is set by the session). */
  OutEvent responsesEvent(long sequenceNumber) {
    return new OutEvent(
        JsonObject.builder()
            .put("type", "error")
            .put("code", code.orElse(category.openAIType))
            .put("message", message)
            .put("param", JsonNull.INSTANCE)
            .put("sequence_number", sequenceNumber)
            .build(),
        "error");
  }

  /** The error {@code response.failed} carries: {code, message}. */
  JsonObject responsesFailure() {
    return JsonObject.builder().put("code", code.orElse(category.openAIType)).put("message", message).build();
  }

  /** The error event for {@code target} (Anthropic family, Chat, Google, Converse); null for Responses. */
  OutEvent eventFor(ProviderFormat target) {
    switch (target) {
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        return anthropicEvent();
      case GOOGLE:
        return new OutEvent(
            JsonObject.of(
                "error",
                JsonObject.builder()
                    .put("code", category.googleCode())
                    .put("message", message)
                    .put("status", category.googleStatus)
                    .build()),
            null);
      case CONVERSE:
        return new OutEvent(
            JsonObject.of(category.converseException, JsonObject.builder().put("message", message).build()), null);
      default:
        return new OutEvent(JsonObject.of("error", openAIError()), null);
    }
  }
}
