package dev.llmrouter.providers.mock;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.llmrouter.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the mock's OpenAI Chat Completions reply and stream chunks with jackson-core. */
final class MockJson {
  private MockJson() {}

  /** Something that writes the fields of one JSON object. */
  @FunctionalInterface
  interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  static byte[] object(Fields fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = Json.factory().createGenerator(out)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A complete {@code chat.completion} body. */
  static byte[] completion(String id, long created, MockReply reply) {
    return object(g -> {
      header(g, id, "chat.completion", created, reply.model());
      g.writeArrayFieldStart("choices");
      g.writeStartObject();
      g.writeNumberField("index", 0);
      g.writeObjectFieldStart("message");
      g.writeStringField("role", "assistant");
      if (reply.toolName().isPresent()) {
        g.writeNullField("content");
        g.writeArrayFieldStart("tool_calls");
        toolCall(g, id, reply.toolName().get(), false);
        g.writeEndArray();
      } else {
        g.writeStringField("content", reply.text());
      }
      g.writeEndObject();
      g.writeStringField("finish_reason", reply.toolName().isPresent() ? "tool_calls" : "stop");
      g.writeEndObject();
      g.writeEndArray();
      usage(g, reply);
    });
  }

  /** The first stream chunk: the assistant role. */
  static byte[] roleChunk(String id, long created, MockReply reply) {
    return chunk(id, created, reply, g -> {
      g.writeStringField("role", "assistant");
      g.writeStringField("content", "");
    }, null);
  }

  /** A chunk carrying one piece of text. */
  static byte[] textChunk(String id, long created, MockReply reply, String piece) {
    return chunk(id, created, reply, g -> g.writeStringField("content", piece), null);
  }

  /** A chunk carrying the whole tool call. */
  static byte[] toolChunk(String id, long created, MockReply reply) {
    return chunk(id, created, reply, g -> {
      g.writeArrayFieldStart("tool_calls");
      toolCall(g, id, reply.toolName().orElseThrow(), true);
      g.writeEndArray();
    }, null);
  }

  /** The chunk with the finish reason. */
  static byte[] finishChunk(String id, long created, MockReply reply) {
    return chunk(id, created, reply, g -> { }, reply.toolName().isPresent() ? "tool_calls" : "stop");
  }

  /** The final usage chunk (empty choices), as OpenAI sends with {@code include_usage}. */
  static byte[] usageChunk(String id, long created, MockReply reply) {
    return object(g -> {
      header(g, id, "chat.completion.chunk", created, reply.model());
      g.writeArrayFieldStart("choices");
      g.writeEndArray();
      usage(g, reply);
    });
  }

  private static byte[] chunk(String id, long created, MockReply reply, Fields delta, String finish) {
    return object(g -> {
      header(g, id, "chat.completion.chunk", created, reply.model());
      g.writeArrayFieldStart("choices");
      g.writeStartObject();
      g.writeNumberField("index", 0);
      g.writeObjectFieldStart("delta");
      delta.write(g);
      g.writeEndObject();
      if (finish == null) {
        g.writeNullField("finish_reason");
      } else {
        g.writeStringField("finish_reason", finish);
      }
      g.writeEndObject();
      g.writeEndArray();
    });
  }

  private static void header(JsonGenerator g, String id, String object, long created, String model)
      throws IOException {
    g.writeStringField("id", id);
    g.writeStringField("object", object);
    g.writeNumberField("created", created);
    g.writeStringField("model", model);
  }

  private static void toolCall(JsonGenerator g, String id, String name, boolean indexed) throws IOException {
    g.writeStartObject();
    if (indexed) {
      g.writeNumberField("index", 0);
    }
    g.writeStringField("id", "call_" + id);
    g.writeStringField("type", "function");
    g.writeObjectFieldStart("function");
    g.writeStringField("name", name);
    g.writeStringField("arguments", "{}");
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void usage(JsonGenerator g, MockReply reply) throws IOException {
    g.writeObjectFieldStart("usage");
    g.writeNumberField("prompt_tokens", reply.promptTokens());
    g.writeNumberField("completion_tokens", reply.completionTokens());
    g.writeNumberField("total_tokens", reply.promptTokens() + reply.completionTokens());
    g.writeEndObject();
  }
}
