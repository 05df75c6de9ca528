package dev.llmrouter.stream.eventstream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.json.Json;
import dev.llmrouter.stream.BodyRawStream;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RawResponseStream} over a Bedrock {@code application/vnd.amazon.eventstream} response body
 * ({@code InvokeModelWithResponseStream} or {@code ConverseStream}), one {@link StreamChunk} per event.
 *
 * <p>Frames are decoded by {@link EventStreamDecoder} and handled by their {@code :message-type} header
 * ({@code event} when absent):
 * <ul>
 *   <li>{@code event} with {@code :event-type} {@code chunk}: the payload is {@code {"bytes":"<base64>"}};
 *       the chunk's data is the decoded bytes (for Anthropic models, one Anthropic stream event) and its
 *       event type is that JSON's top-level {@code type} string, when there is one. Chunks that decode
 *       to no bytes are skipped.</li>
 *   <li>any other {@code event} (ConverseStream's {@code messageStart}, {@code contentBlockDelta}, ...):
 *       the data is {@code {"<eventType>":<payload>}}, built from the bytes without parsing the payload;
 *       no event type. An event without {@code :event-type} yields its raw payload. Events with an empty
 *       payload are skipped.</li>
 *   <li>{@code exception} ({@code :exception-type}) and {@code error} ({@code :error-code},
 *       {@code :error-message}): end the stream with an error, thrown after the chunks decoded before it.
 *       Known Bedrock exception types become an {@link UpstreamHttpException} whose body is the payload
 *       and whose headers carry the type as {@code x-amzn-errortype}: {@code throttlingException} 429,
 *       {@code serviceUnavailableException} 503, {@code internalServerException} and
 *       {@code modelStreamErrorException} 500, {@code validationException} 400,
 *       {@code modelTimeoutException} 408. Other types become an {@link UpstreamProtocolException} naming
 *       the type and the payload's {@code message}. (The Rust router passed such payloads through as
 *       data.)</li>
 *   <li>other message types are ignored.</li>
 * </ul>
 *
 * <p>Reading, errors and closing follow {@link BodyRawStream}: a read timeout becomes an
 * {@link dev.llmrouter.error.UpstreamTimeoutException}, any other I/O failure a non-retryable
 * {@link dev.llmrouter.error.TransportException}, an invalid frame (bad CRC, bad lengths, bad headers, a
 * frame over the maximum size, or input that ends inside a frame) or an undecodable {@code chunk} payload
 * an {@link UpstreamProtocolException}.
 */
public final class EventStreamRawStream extends BodyRawStream {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreamRawStream.class);
  private static final int MAX_PREFIX_CACHE = 64;
  private static final String ERROR_TYPE_HEADER = "x-amzn-errortype";
  /** Anthropic stream event types, matched without allocating a string. */
  private static final String[] KNOWN_TYPES = {
      "content_block_delta", "content_block_start", "content_block_stop", "message_delta",
      "message_start", "message_stop", "ping", "error"};

  private final EventStreamDecoder decoder;
  private final EventStreamDecoder.Listener listener = this::onFrame;
  /** {"eventType": prefixes by event type. */
  private final Map<String, byte[]> prefixes = new HashMap<>();

  /** The error an exception frame (or an undecodable chunk) ends the stream with; later frames are ignored. */
  private RouterException frameError;

  /**
   * A stream over {@code body} with the default maximum frame size.
   *
   * @param body the response body; closed by {@link #close()}
   * @param providerId the provider id named in errors, e.g. {@code bedrock}
   * @param onClose cancels the upstream call and releases the connection; run exactly once
   */
  public EventStreamRawStream(InputStream body, String providerId, Runnable onClose) {
    this(body, providerId, onClose, EventStreamDecoder.DEFAULT_MAX_FRAME_SIZE);
  }

  /**
   * A stream over {@code body} with the given maximum frame size in bytes.
   *
   * @throws IllegalArgumentException if {@code maxFrameSize} is below {@link EventStreamDecoder#MIN_FRAME_SIZE}
   */
  public EventStreamRawStream(InputStream body, String providerId, Runnable onClose, int maxFrameSize) {
    this(body, providerId, onClose, onClose, maxFrameSize);
  }

  /**
   * Like {@link #EventStreamRawStream(InputStream, String, Runnable, int)}, releasing the upstream through
   * {@code onFinish} when the stream ends normally, which need not cancel the call, so its connection can
   * be reused; errors and early closes still run {@code onClose}.
   */
  public EventStreamRawStream(
      InputStream body, String providerId, Runnable onClose, Runnable onFinish, int maxFrameSize) {
    super(body, providerId, onClose, onFinish, "the event stream");
    this.decoder = new EventStreamDecoder(maxFrameSize);
  }

  @Override
  protected void decode(byte[] buf, int off, int len) {
    try {
      decoder.feed(buf, off, len, listener);
      if (frameError != null) {
        fail(frameError);
      }
    } catch (EventStreamFormatException e) {
      // An exception frame decoded earlier in the same read is the real cause; report it first.
      fail(frameError != null ? frameError : decodeError(e));
    }
  }

  @Override
  protected void decodeEnd() {
    try {
      decoder.finish();
    } catch (EventStreamFormatException e) {
      fail(frameError != null ? frameError : decodeError(e));
    }
  }

  private UpstreamProtocolException decodeError(EventStreamFormatException e) {
    UpstreamProtocolException.Kind kind;
    String limit = null;
    switch (e.problem()) {
      case FRAME_TOO_LARGE:
        kind = UpstreamProtocolException.Kind.LIMIT_EXCEEDED;
        limit = "maximum event-stream frame size";
        break;
      case TRUNCATED_FRAME:
        kind = UpstreamProtocolException.Kind.TRUNCATED;
        break;
      default:
        kind = UpstreamProtocolException.Kind.MALFORMED;
        break;
    }
    return new UpstreamProtocolException(providerId(), kind, limit, "Event stream decode error: " + e.getMessage(), e);
  }

  private void onFrame(EventStreamFrame frame) {
    if (frameError != null) {
      return; // the stream already ended with an error
    }
    String messageType = frame.messageType().orElse("event");
    switch (messageType) {
      case "event":
        onEvent(frame);
        break;
      case "exception":
        frameError = exceptionError(frame);
        break;
      case "error":
        frameError = errorMessageError(frame);
        break;
      default:
        LOG.debug("ignoring an event-stream frame of message type '{}' from '{}'", messageType, providerId());
        break;
    }
  }

  private void onEvent(EventStreamFrame frame) {
    int len = frame.payloadLength();
    if (len == 0) {
      return;
    }
    String eventType = frame.eventType().orElse(null);
    if (eventType == null) {
      emit(StreamChunk.of(frame.payload()));
    } else if ("chunk".equals(eventType)) {
      try {
        byte[] data = decodeChunk(frame);
        if (data.length > 0) {
          emit(StreamChunk.of(data, typeOf(data)));
        }
      } catch (UpstreamProtocolException e) {
        frameError = e;
      }
    } else {
      byte[] prefix = prefix(eventType);
      byte[] data = new byte[prefix.length + len + 1];
      System.arraycopy(prefix, 0, data, 0, prefix.length);
      frame.copyPayloadTo(data, prefix.length);
      data[data.length - 1] = '}';
      emit(StreamChunk.of(data));
    }
  }

  private byte[] prefix(String eventType) {
    byte[] prefix = prefixes.get(eventType);
    if (prefix == null) {
      byte[] quoted = Json.quote(eventType);
      prefix = new byte[quoted.length + 2];
      prefix[0] = '{';
      System.arraycopy(quoted, 0, prefix, 1, quoted.length);
      prefix[prefix.length - 1] = ':';
      if (prefixes.size() < MAX_PREFIX_CACHE) {
        prefixes.put(eventType, prefix);
      }
    }
    return prefix;
  }

  /** The base64-decoded {@code bytes} member of a {@code chunk} payload. */
  private byte[] decodeChunk(EventStreamFrame frame) {
    try (JsonParser p = Json.factory().createParser(frame.array(), frame.payloadOffset(),
        frame.payloadLength())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UpstreamProtocolException(providerId(), "chunk event payload is not a JSON object");
      }
      byte[] decoded = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (decoded == null && "bytes".equals(name) && value == JsonToken.VALUE_STRING) {
          try {
            decoded = Base64Text.decode(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          } catch (IllegalArgumentException e) {
            throw new UpstreamProtocolException(providerId(),
                "chunk event \"bytes\" is not valid base64: " + e.getMessage(), e);
          }
        } else {
          p.skipChildren();
        }
      }
      if (decoded == null) {
        throw new UpstreamProtocolException(providerId(), "chunk event payload has no \"bytes\" string");
      }
      return decoded;
    } catch (JsonProcessingException e) {
      throw new UpstreamProtocolException(providerId(),
          "chunk event payload is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UpstreamProtocolException(providerId(), "chunk event payload cannot be read: " + e, e);
    }
  }

  /** The top-level {@code type} string of a JSON object, or null; stops at that member. */
  private static String typeOf(byte[] json) {
    try (JsonParser p = Json.factory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean isType = "type".equals(p.currentName());
        JsonToken value = p.nextToken();
        if (isType) {
          return value == JsonToken.VALUE_STRING ? text(p) : null;
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null; // not JSON: delivered as is, without a type
    }
  }

  private static String text(JsonParser p) throws IOException {
    char[] chars = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    for (String known : KNOWN_TYPES) {
      if (known.length() == len && matches(known, chars, off)) {
        return known;
      }
    }
    return new String(chars, off, len);
  }

  private static boolean matches(String known, char[] chars, int off) {
    for (int i = 0; i < known.length(); i++) {
      if (known.charAt(i) != chars[off + i]) {
        return false;
      }
    }
    return true;
  }

  private RouterException exceptionError(EventStreamFrame frame) {
    String type = frame.stringHeader(EventStreamFrame.EXCEPTION_TYPE).orElse("unknown");
    byte[] payload = frame.payload();
    return streamError("exception", type, payloadMessage(payload), payload, contentType(frame));
  }

  private RouterException errorMessageError(EventStreamFrame frame) {
    String code = frame.stringHeader(EventStreamFrame.ERROR_CODE).orElse("unknown");
    String message = frame.stringHeader(EventStreamFrame.ERROR_MESSAGE).orElse(null);
    byte[] payload = frame.payload();
    if (message == null) {
      message = payloadMessage(payload);
    }
    String contentType = contentType(frame);
    if (payload.length == 0) {
      payload = ("{\"message\":" + new String(Json.quote(message == null ? code : message),
          StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
      contentType = "application/json";
    }
    return streamError("error", code, message, payload, contentType);
  }

  private RouterException streamError(String kind, String type, String message, byte[] payload,
      String contentType) {
    int status = statusOf(type);
    if (status < 0) {
      return new UpstreamProtocolException(providerId(), "event stream " + kind + " " + type
          + (message == null ? "" : ": " + message));
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>(2);
    headers.add(Map.entry(ERROR_TYPE_HEADER, type));
    if (contentType != null) {
      headers.add(Map.entry("content-type", contentType));
    }
    return new UpstreamHttpException(providerId(), status, headers, payload);
  }

  private static String contentType(EventStreamFrame frame) {
    return frame.stringHeader(EventStreamFrame.CONTENT_TYPE).orElse(null);
  }

  /** The HTTP status of a Bedrock exception type (matched case-insensitively), or -1. */
  static int statusOf(String type) {
    switch (type.toLowerCase(Locale.ROOT)) {
      case "throttlingexception":
        return 429;
      case "serviceunavailableexception":
        return 503;
      case "internalserverexception":
      case "modelstreamerrorexception":
        return 500;
      case "validationexception":
        return 400;
      case "modeltimeoutexception":
        return 408;
      default:
        return -1;
    }
  }

  /** The top-level {@code message} (or {@code Message}) string of a JSON payload, or null. */
  private static String payloadMessage(byte[] payload) {
    if (payload.length == 0) {
      return null;
    }
    try (JsonParser p = Json.factory().createParser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (("message".equals(name) || "Message".equals(name)) && value == JsonToken.VALUE_STRING) {
          return p.getText();
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
