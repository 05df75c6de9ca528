package dev.llmrouter.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.Json;
import dev.llmrouter.json.JsonSplice;
import dev.llmrouter.json.MemberSpan;
import dev.llmrouter.json.TopLevelMembers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The router's edits of a pass-through body: the upstream model id and the stream flag. Edits are byte
 * splices, so the rest of the body is sent exactly as the caller wrote it (key order, whitespace, number
 * text); when nothing needs to change the caller's array itself is returned (zero copy).
 */
public final class PayloadEdits {
  private static final byte[] MODEL_KEY = "\"model\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STREAM_MEMBER = "\"stream\":true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> STREAM_FIELDS = Set.of("stream", "stream_options");

  private PayloadEdits() {}

  /** Whether the router sets {@code "stream": true} in bodies of this format (others stream by URL). */
  public static boolean streamsByBodyFlag(ProviderFormat format) {
    return format == ProviderFormat.OPENAI
        || format == ProviderFormat.RESPONSES
        || format == ProviderFormat.ANTHROPIC;
  }

  /**
   * Applies the pass-through edits in one copy: sets the top-level {@code model} to {@code model} when
   * given and the format carries a model in its body, and sets {@code "stream": true} when {@code stream}
   * and the format takes a body flag. {@code stream_options} is left as the caller sent it.
   *
   * @return {@code shape.body()} itself when it already says all of that
   */
  public static byte[] apply(
      RequestShape shape, ProviderFormat format, Optional<String> model, boolean stream) {
    byte[] body = shape.body();
    List<Edit> edits = new ArrayList<>(2);
    ByteArrayOutputStream inserted = new ByteArrayOutputStream();
    if (model.isPresent() && format.carriesModelInBody()) {
      Optional<MemberSpan> span = shape.modelSpan();
      if (span.isEmpty()) {
        appendMember(inserted, MODEL_KEY, Json.quote(model.get()));
      } else if (!isString(body, span.get(), model.get())) {
        edits.add(new Edit(span.get().valueStart(), span.get().valueEnd(), Json.quote(model.get())));
      }
    }
    if (stream && streamsByBodyFlag(format)) {
      Optional<MemberSpan> span = shape.streamSpan();
      if (span.isEmpty()) {
        if (inserted.size() > 0) {
          inserted.write(',');
        }
        inserted.writeBytes(STREAM_MEMBER);
      } else if (span.get().valueToken() != JsonToken.VALUE_TRUE) {
        edits.add(new Edit(span.get().valueStart(), span.get().valueEnd(), TRUE));
      }
    }
    if (inserted.size() > 0) {
      if (!shape.isEmptyObject()) {
        inserted.write(',');
      }
      int at = shape.objectStart() + 1;
      edits.add(new Edit(at, at, inserted.toByteArray()));
    }
    return edits.isEmpty() ? body : splice(body, edits);
  }

  /** Sets the top-level model of a body (Rust's body-model rewrite); the same array when it matches. */
  public static byte[] rewriteModel(byte[] body, ProviderFormat format, String model) {
    if (!format.carriesModelInBody()) {
      return body;
    }
    RequestShape shape;
    try {
      shape = RequestShape.scan(body);
    } catch (RuntimeException notJsonObject) {
      return body;
    }
    return apply(shape, format, Optional.of(model), false);
  }

  /**
   * Removes {@code stream} and {@code stream_options} (for fake streaming through a non-streaming call);
   * the same array when neither is present or the body is not a JSON object.
   */
  public static byte[] withoutStreamFields(byte[] body) {
    byte[] current = body;
    while (true) {
      Optional<TopLevelMembers> members;
      try {
        members = TopLevelMembers.scan(current, STREAM_FIELDS);
      } catch (JsonProcessingException e) {
        return current;
      }
      if (members.isEmpty() || members.get().members().isEmpty()) {
        return current;
      }
      List<MemberSpan> found = members.get().members();
      current = JsonSplice.removeMember(current, found.get(found.size() - 1));
    }
  }

  private static boolean isString(byte[] body, MemberSpan span, String expected) {
    if (span.valueToken() != JsonToken.VALUE_STRING) {
      return false;
    }
    byte[] quoted = Json.quote(expected);
    int len = span.valueEnd() - span.valueStart();
    if (len != quoted.length) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (body[span.valueStart() + i] != quoted[i]) {
        return false;
      }
    }
    return true;
  }

  private static void appendMember(ByteArrayOutputStream out, byte[] quotedKey, byte[] value) {
    out.writeBytes(quotedKey);
    out.write(':');
    out.writeBytes(value);
  }

  private static byte[] splice(byte[] body, List<Edit> edits) {
    edits.sort(Comparator.comparingInt(Edit::start));
    int size = body.length;
    for (Edit e : edits) {
      size += e.bytes.length - (e.end - e.start);
    }
    byte[] out = new byte[size];
    int from = 0;
    int to = 0;
    for (Edit e : edits) {
      System.arraycopy(body, from, out, to, e.start - from);
      to += e.start - from;
      System.arraycopy(e.bytes, 0, out, to, e.bytes.length);
      to += e.bytes.length;
      from = e.end;
    }
    System.arraycopy(body, from, out, to, body.length - from);
    return out;
  }

  private record Edit(int start, int end, byte[] bytes) {}
}
