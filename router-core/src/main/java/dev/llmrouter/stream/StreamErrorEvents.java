package dev.llmrouter.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The terminal error event a stream in the client's format ends with when the upstream fails mid-stream
 * (connection reset, timeout, undecodable or over-large event): Anthropic {@code event: error}, a Responses
 * {@code error} event, a Chat Completions error chunk ({@code {"error":{...}}}), Google's error object,
 * a Converse exception event. Built from the typed exception; the message is short and never contains
 * request data or credentials.
 */
public final class StreamErrorEvents {
  private StreamErrorEvents() {}

  /** What kind of failure, named per format. */
  private enum Kind {
    TIMEOUT(504, "timeout_error", "server_error", "timeout", "DEADLINE_EXCEEDED", "modelTimeoutException"),
    RATE_LIMIT(429, "rate_limit_error", "rate_limit_error", "rate_limit_exceeded", "RESOURCE_EXHAUSTED",
        "throttlingException"),
    OVERLOADED(503, "overloaded_error", "server_error", "server_is_overloaded", "UNAVAILABLE",
        "serviceUnavailableException"),
    UPSTREAM(502, "api_error", "server_error", "upstream_error", "UNAVAILABLE", "internalServerException");

    final int status;
    final String anthropicType;
    final String openAIType;
    final String openAICode;
    final String googleStatus;
    final String converseException;

    Kind(int status, String anthropicType, String openAIType, String openAICode, String googleStatus,
        String converseException) {
      this.status = status;
      this.anthropicType = anthropicType;
      this.openAIType = openAIType;
      this.openAICode = openAICode;
      this.googleStatus = googleStatus;
      this.converseException = converseException;
    }
  }

  /**
   * The error event for {@code target} describing {@code failure}.
   *
   * @param responsesSequenceNumber the {@code sequence_number} a Responses event gets (events so far)
   */
  public static StreamChunk forFailure(ProviderFormat target, RouterException failure, long responsesSequenceNumber) {
    Kind kind = kindOf(failure);
    String message = messageOf(failure);
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator g = Json.factory().createGenerator(out)) {
      g.writeStartObject();
      switch (target) {
        case ANTHROPIC:
        case BEDROCK_ANTHROPIC:
        case VERTEX_ANTHROPIC:
          g.writeStringField("type", "error");
          g.writeObjectFieldStart("error");
          g.writeStringField("type", kind.anthropicType);
          g.writeStringField("message", message);
          g.writeEndObject();
          break;
        case RESPONSES:
          g.writeStringField("type", "error");
          g.writeStringField("code", kind.openAICode);
          g.writeStringField("message", message);
          g.writeNullField("param");
          g.writeNumberField("sequence_number", responsesSequenceNumber);
          break;
        case GOOGLE:
          g.writeObjectFieldStart("error");
          g.writeNumberField("code", kind.status);
          g.writeStringField("message", message);
          g.writeStringField("status", kind.googleStatus);
          g.writeEndObject();
          break;
        case CONVERSE:
          g.writeObjectFieldStart(kind.converseException);
          g.writeStringField("message", message);
          g.writeEndObject();
          break;
        default:
          g.writeObjectFieldStart("error");
          g.writeStringField("message", message);
          g.writeStringField("type", kind.openAIType);
          g.writeNullField("param");
          g.writeStringField("code", kind.openAICode);
          g.writeEndObject();
          break;
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean typed = target == ProviderFormat.ANTHROPIC || target == ProviderFormat.BEDROCK_ANTHROPIC
        || target == ProviderFormat.VERTEX_ANTHROPIC || target == ProviderFormat.RESPONSES;
    return StreamChunk.of(out.toByteArray(), typed ? "error" : null);
  }

  private static Kind kindOf(RouterException failure) {
    if (failure instanceof UpstreamTimeoutException) {
      return Kind.TIMEOUT;
    }
    if (failure instanceof UpstreamHttpException http) {
      int status = http.status();
      if (status == 429) {
        return Kind.RATE_LIMIT;
      }
      if (status == 503 || status == 529) {
        return Kind.OVERLOADED;
      }
      if (status == 408 || status == 504) {
        return Kind.TIMEOUT;
      }
    }
    return Kind.UPSTREAM;
  }

  /** A short, client-safe description: no URLs, no request data, no credentials. */
  private static String messageOf(RouterException failure) {
    if (failure instanceof UpstreamTimeoutException t) {
      return "the upstream stream timed out (" + t.phase() + ")";
    }
    if (failure instanceof TransportException) {
      return "the upstream connection failed mid-stream";
    }
    if (failure instanceof UpstreamHttpException http) {
      return "the upstream stream failed with HTTP " + http.status();
    }
    if (failure instanceof UpstreamProtocolException p) {
      switch (p.kind()) {
        case TRUNCATED:
          return "the upstream stream ended in the middle of an event";
        case LIMIT_EXCEEDED:
          return "an upstream stream event exceeded the size limit"
              + p.limit().map(l -> " (" + l + ")").orElse("");
        case ERROR_EVENT:
          return "the upstream stream reported an error";
        default:
          return "the upstream stream sent an event that cannot be decoded";
      }
    }
    return "the upstream stream failed";
  }
}
