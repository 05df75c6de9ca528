package dev.llmrouter.gateway.error;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link GatewayError} in the calling client's own error shape: OpenAI (Chat Completions and
 * Responses) {@code {"error":{"message","type","param","code"}}}, Anthropic
 * {@code {"type":"error","error":{"type","message"}}}, Gemini {@code {"error":{"code","message","status"}}}.
 */
public final class ErrorBodies {
  private ErrorBodies() {}

  /** The error body for a client of {@code format}. */
  public static byte[] write(ProviderFormat format, GatewayError error) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator g = Json.factory().createGenerator(out)) {
      g.writeStartObject();
      switch (format) {
        case ANTHROPIC:
        case BEDROCK_ANTHROPIC:
        case VERTEX_ANTHROPIC:
          g.writeStringField("type", "error");
          g.writeObjectFieldStart("error");
          g.writeStringField("type", anthropicType(error));
          g.writeStringField("message", error.message());
          g.writeEndObject();
          break;
        case GOOGLE:
          g.writeObjectFieldStart("error");
          g.writeNumberField("code", error.status());
          g.writeStringField("message", error.message());
          g.writeStringField("status", googleStatus(error));
          g.writeEndObject();
          break;
        default:
          g.writeObjectFieldStart("error");
          g.writeStringField("message", error.message());
          g.writeStringField("type", openAiType(error));
          g.writeNullField("param");
          String code = openAiCode(error);
          if (code == null) {
            g.writeNullField("code");
          } else {
            g.writeStringField("code", code);
          }
          g.writeEndObject();
          break;
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String openAiType(GatewayError e) {
    switch (e.kind()) {
      case INVALID_REQUEST:
      case NOT_FOUND:
      case TOO_LARGE:
        return "invalid_request_error";
      case AUTHENTICATION:
        return "authentication_error";
      case PERMISSION:
        return "permission_error";
      case RATE_LIMIT:
        return "rate_limit_error";
      default:
        return "server_error";
    }
  }

  static String openAiCode(GatewayError e) {
    switch (e.kind()) {
      case AUTHENTICATION:
        return "invalid_api_key";
      case NOT_FOUND:
        return "model_not_found";
      case TOO_LARGE:
        return "request_too_large";
      case RATE_LIMIT:
        return "rate_limit_exceeded";
      case OVERLOADED:
        return "overloaded";
      case UPSTREAM:
        return "upstream_error";
      case TIMEOUT:
        return "timeout";
      default:
        return null;
    }
  }

  static String anthropicType(GatewayError e) {
    switch (e.kind()) {
      case INVALID_REQUEST:
        return "invalid_request_error";
      case AUTHENTICATION:
        return "authentication_error";
      case PERMISSION:
        return "permission_error";
      case NOT_FOUND:
        return "not_found_error";
      case TOO_LARGE:
        return "request_too_large";
      case RATE_LIMIT:
        return "rate_limit_error";
      case OVERLOADED:
        return "overloaded_error";
      case TIMEOUT:
        return "timeout_error";
      default:
        return "api_error";
    }
  }

  static String googleStatus(GatewayError e) {
    switch (e.kind()) {
      case INVALID_REQUEST:
      case TOO_LARGE:
        return "INVALID_ARGUMENT";
      case AUTHENTICATION:
        return "UNAUTHENTICATED";
      case PERMISSION:
        return "PERMISSION_DENIED";
      case NOT_FOUND:
        return "NOT_FOUND";
      case RATE_LIMIT:
        return "RESOURCE_EXHAUSTED";
      case OVERLOADED:
        return "UNAVAILABLE";
      case TIMEOUT:
        return "DEADLINE_EXCEEDED";
      case UPSTREAM:
        return e.status() == 503 ? "UNAVAILABLE" : "INTERNAL";
      default:
        return "INTERNAL";
    }
  }
}
