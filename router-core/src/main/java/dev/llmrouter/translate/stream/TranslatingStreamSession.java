package dev.llmrouter.translate.stream;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.stream.StreamSession;
import dev.llmrouter.translate.Codecs;
import dev.llmrouter.translate.FormatCodec;
import dev.llmrouter.translate.ir.RedactedReasoningPart;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stream translated into one client format (lingua's {@code StreamTransformSession}, with the
 * per-event step of processing/transform.rs): each raw upstream event is detected, converted to the
 * universal chunk and written in the target format, and the target's protocol is enforced across events.
 *
 * <ul>
 *   <li>Detection follows {@link Codecs#all()} (lingua's adapter priority); an event no codec knows as a
 *       stream event may be a complete response (Vertex answers stream requests with one), which becomes a
 *       synthesized stream. Events of the target's own format go out unchanged.
 *   <li>Anthropic targets get one {@code message_start}, balanced content blocks, {@code tool_use} stop
 *       reasons and one merged {@code message_delta} ({@link AnthropicStreamState}); Responses targets get
 *       the full item lifecycle with sequence numbers ({@link ResponsesStreamState}); Chat targets get
 *       tool-call indexes renumbered per tool for Responses and Bedrock sources.
 *   <li>Redacted reasoning ({@link RedactedReasoningPart}) reaches Anthropic-family targets as
 *       {@code redacted_thinking} blocks and Converse targets as {@code redactedContent} deltas; other
 *       targets cannot carry it and get a keep-alive instead, as in lingua.
 *   <li>Events no codec recognizes are forwarded unchanged, except upstream error events, which become the
 *       target's error event ({@link UpstreamStreamError}; lingua forwards them as they are).
 * </ul>
 *
 * <p>Not thread-safe: one session per stream.
 */
public final class TranslatingStreamSession implements StreamSession {
  /** The codecs in detection priority order. */
  private static final List<FormatCodec> CODECS = Codecs.all();

  private final ProviderFormat target;
  private final FormatCodec targetCodec;
  private final boolean allowFullResponseFallback;
  private final AnthropicStreamState anthropic;
  private final ResponsesStreamState responses;
  private final EventWriter writer = new EventWriter();
  private ToolIndexRemapper responsesToolIndexes;
  private ToolIndexRemapper bedrockToolIndexes;
  private SequentialToolCalls googleToolCalls;
  /** SDK-compatible Chat chunks ({@link #forClients}); null for lingua's chunks as they are. */
  private final ChatStreamShape chatShape;
  /** Whether Anthropic events are completed for SDK clients ({@link #forClients}). */
  private final boolean anthropicClientShape;

  /** A session producing {@code target}, accepting complete responses pushed into it. */
  public TranslatingStreamSession(ProviderFormat target) {
    this(target, true);
  }

  /**
   * A session producing {@code target}.
   *
   * @param allowFullResponseFallback whether a complete (non-stream) response pushed into the session
   *     becomes a synthesized stream; when false such a body counts as an unknown event
   */
  public TranslatingStreamSession(ProviderFormat target, boolean allowFullResponseFallback) {
    this(target, allowFullResponseFallback, null, false);
  }

  private TranslatingStreamSession(
      ProviderFormat target,
      boolean allowFullResponseFallback,
      ChatStreamShape chatShape,
      boolean anthropicClientShape) {
    this.chatShape = chatShape;
    this.anthropicClientShape = anthropicClientShape;
    this.target = Objects.requireNonNull(target, "target");
    this.targetCodec = Codecs.forFormat(target).orElse(null);
    this.allowFullResponseFallback = allowFullResponseFallback;
    this.anthropic = target == ProviderFormat.ANTHROPIC ? new AnthropicStreamState() : null;
    this.responses = target == ProviderFormat.RESPONSES ? new ResponsesStreamState() : null;
  }

  /**
   * A session for clients of the official SDKs: like {@link #TranslatingStreamSession(ProviderFormat)},
   * and for a Chat Completions target the chunks are shaped as OpenAI sends them (every chunk with
   * {@code id}, {@code created} and {@code model}, usage once in a final chunk without choices, one choice
   * for single-choice sources; see {@link ChatStreamShape}). lingua's chunks, which the conformance corpus
   * records, break the OpenAI SDK's stream accumulator. For an Anthropic target, {@code message_start}
   * usage always has its token counts and thinking blocks start with a signature, as Anthropic sends them
   * ({@link AnthropicClientShape}).
   *
   * @param routedModel the model named in chunks whose source carries none (Bedrock Converse)
   */
  public static TranslatingStreamSession forClients(ProviderFormat target, String routedModel) {
    return new TranslatingStreamSession(
        target,
        true,
        target == ProviderFormat.OPENAI
            ? new ChatStreamShape(Objects.requireNonNull(routedModel, "routedModel"), Clock.systemUTC())
            : null,
        target == ProviderFormat.ANTHROPIC);
  }

  /** Where Anthropic events go: serialized, completed first for SDK clients ({@link #forClients}). */
  private Consumer<OutEvent> anthropicSink(Consumer<StreamChunk> out) {
    return anthropicClientShape
        ? e -> out.accept(AnthropicClientShape.apply(e).toChunk(writer))
        : e -> out.accept(e.toChunk(writer));
  }

  /** The format this session produces. */
  public ProviderFormat target() {
    return target;
  }

  /**
   * {@inheritDoc}
   *
   * @throws TranslationException when the event is not valid JSON or cannot be translated
   */
  @Override
  public void push(StreamChunk raw, Consumer<StreamChunk> out) {
    if (targetCodec == null) {
      // No codec for the client's format (Mistral, unknown): lingua fails with an unsupported target;
      // like the request path, the events are forwarded as they are.
      out.accept(raw);
      return;
    }
    JsonValue parsed;
    try {
      parsed = JsonTree.parse(raw.data());
    } catch (JsonSyntaxException e) {
      throw new TranslationException("the upstream stream event is not valid JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof JsonObject event)) {
      out.accept(raw);
      return;
    }
    String type = event.getOrNull("type") instanceof JsonString s ? s.value() : null;
    if (type != null
        && (type.equals("error") || (type.equals(ResponsesStreamState.FAILED) && target != ProviderFormat.RESPONSES))) {
      Optional<UpstreamStreamError> error = UpstreamStreamError.read(event, type);
      if (error.isPresent()) {
        emitError(error.get(), raw, event, type, out);
        return;
      }
    }
    FormatCodec source = null;
    boolean nativeStream = true;
    for (int i = 0; i < CODECS.size(); i++) {
      if (CODECS.get(i).detectStreamEvent(event)) {
        source = CODECS.get(i);
        break;
      }
    }
    if (source == null && allowFullResponseFallback) {
      // Vertex may answer a stream request with a complete response.
      nativeStream = false;
      for (int i = 0; i < CODECS.size(); i++) {
        if (CODECS.get(i).detectResponse(event)) {
          source = CODECS.get(i);
          break;
        }
      }
    }
    if (source == null) {
      Optional<UpstreamStreamError> error = UpstreamStreamError.read(event, type);
      if (error.isPresent()) {
        emitError(error.get(), raw, event, type, out);
      } else {
        // Unknown events are forwarded unchanged (the router relies on it for unrecognized payloads).
        out.accept(raw);
      }
      return;
    }
    ProviderFormat sourceFormat = source.format();
    if (nativeStream && sourceFormat == target) {
      out.accept(sameFormat(raw, type));
      return;
    }
    try {
      Optional<UniversalStreamChunk> converted =
          nativeStream
              ? source.streamToUniversal(event)
              : Optional.of(FullResponseStream.toStreamChunk(source.responseToUniversal(event), sourceFormat));
      if (converted.isPresent()) {
        pushUniversal(converted.get(), sourceFormat, nativeStream, out);
      }
    } catch (RouterException e) {
      throw e;
    } catch (RuntimeException e) {
      // A codec failing on an event it accepted: still a typed error, so the stream ends cleanly.
      throw new TranslationException(
          "cannot translate the " + sourceFormat.id() + " stream event"
              + (type == null ? "" : " '" + type + "'") + " to " + target.id() + ": " + e,
          e);
    }
  }

  /**
   * Emits one universal chunk from {@code source} in the target format (the part of {@link #push} after
   * detection and conversion; also the entry point for tests on hand-built chunks).
   *
   * @param nativeStream whether the chunk came from a stream event (false: a synthesized full response)
   */
  void pushUniversal(
      UniversalStreamChunk chunk, ProviderFormat source, boolean nativeStream, Consumer<StreamChunk> out) {
    UniversalStreamChunk universal = carriesRedactedReasoning(target) ? chunk : withoutRedactedReasoning(chunk);
    UniversalStreamChunk forTarget = universal;
    if (nativeStream) {
      if (source == ProviderFormat.CONVERSE && target == ProviderFormat.OPENAI) {
        if (bedrockToolIndexes == null) {
          bedrockToolIndexes = new ToolIndexRemapper();
        }
        forTarget = bedrockToolIndexes.remap(universal);
      } else if (source == ProviderFormat.RESPONSES && target != ProviderFormat.RESPONSES) {
        if (responsesToolIndexes == null) {
          responsesToolIndexes = new ToolIndexRemapper();
        }
        forTarget = responsesToolIndexes.remap(universal);
      } else if (source == ProviderFormat.GOOGLE && target != ProviderFormat.GOOGLE) {
        if (googleToolCalls == null) {
          googleToolCalls = new SequentialToolCalls();
        }
        forTarget = googleToolCalls.remap(universal);
      }
    }
    switch (target) {
      case ANTHROPIC:
        {
          StreamDelta view = AnthropicStreamEvents.firstView(universal);
          StreamDelta targetView = forTarget == universal ? view : AnthropicStreamEvents.firstView(forTarget);
          List<OutEvent> events =
              anthropic.expand(
                  AnthropicStreamEvents.fromUniversal(forTarget, targetView), source, universal, view, nativeStream);
          if (!events.isEmpty()) {
            Consumer<OutEvent> sink = anthropicSink(out);
            for (OutEvent e : events) {
              anthropic.process(e, sink);
            }
          }
          return;
        }
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        // lingua frames only the plain Anthropic target; these get the stateless events.
        for (OutEvent e : AnthropicStreamEvents.fromUniversal(forTarget)) {
          out.accept(e.toChunk(writer));
        }
        return;
      case RESPONSES:
        for (OutEvent e : responses.expand(
            universal, AnthropicStreamEvents.firstView(universal), source == ProviderFormat.OPENAI)) {
          out.accept(e.toChunk(writer));
        }
        return;
      default:
        {
          JsonObject data = targetCodec.streamFromUniversal(forTarget);
          if (!data.isEmpty()) {
            if (chatShape != null) {
              Optional<JsonObject> shaped = chatShape.shape(data, source);
              if (shaped.isEmpty()) {
                return;
              }
              data = shaped.get();
            }
            out.accept(OutEvent.of(data).toChunk(writer));
          }
        }
    }
  }

  /**
   * Whether {@code format}'s stream can carry redacted reasoning ({@link RedactedReasoningPart}): the
   * Anthropic family ({@code redacted_thinking} blocks) and Converse ({@code redactedContent} deltas).
   */
  static boolean carriesRedactedReasoning(ProviderFormat format) {
    switch (format) {
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
      case CONVERSE:
        return true;
      default:
        return false;
    }
  }

  /**
   * The chunk without redacted reasoning, for targets that cannot carry it (Chat Completions, Responses,
   * Google): the extension key is removed from every delta, a choice left with nothing is dropped, and a
   * chunk left with nothing becomes a keep-alive, which is what lingua makes of these events.
   */
  static UniversalStreamChunk withoutRedactedReasoning(UniversalStreamChunk chunk) {
    boolean found = false;
    for (StreamChoice c : chunk.choices()) {
      found |= c.delta().flatMap(RedactedReasoningPart::fromDelta).isPresent();
    }
    if (!found) {
      return chunk;
    }
    List<StreamChoice> kept = new ArrayList<>(chunk.choices().size());
    for (StreamChoice c : chunk.choices()) {
      if (c.delta().orElse(null) instanceof JsonObject d && d.has(RedactedReasoningPart.DELTA_KEY)) {
        JsonObject rest = d.without(RedactedReasoningPart.DELTA_KEY);
        if (rest.isEmpty() && c.finishReason().isEmpty()) {
          continue;
        }
        kept.add(new StreamChoice(c.index(), Optional.of(rest), c.finishReason()));
      } else {
        kept.add(c);
      }
    }
    if (kept.isEmpty()
        && chunk.id().isEmpty()
        && chunk.model().isEmpty()
        && chunk.usage().isEmpty()
        && chunk.servedServiceTier().isEmpty()) {
      return UniversalStreamChunk.keepAliveChunk();
    }
    return new UniversalStreamChunk(
        chunk.id(), chunk.model(), kept, chunk.created(), chunk.usage(), chunk.servedServiceTier(), false);
  }

  @Override
  public void finish(Consumer<StreamChunk> out) {
    if (anthropic != null) {
      anthropic.flush(anthropicSink(out));
    }
    if (responses != null) {
      for (OutEvent e : responses.flush()) {
        out.accept(e.toChunk(writer));
      }
    }
    if (chatShape != null) {
      chatShape.finalChunk().ifPresent(c -> out.accept(OutEvent.of(c).toChunk(writer)));
    }
  }

  /** A same-format event, unchanged, named after its {@code type} (lingua's pass-through). */
  private static StreamChunk sameFormat(StreamChunk raw, String type) {
    if (type == null || type.equals(raw.eventType().orElse(null))) {
      return raw;
    }
    return StreamChunk.of(raw.data(), type);
  }

  /** The target's error event for an upstream error (kept as it is when already in the target's shape). */
  private void emitError(
      UpstreamStreamError error, StreamChunk raw, JsonObject event, String type, Consumer<StreamChunk> out) {
    switch (target) {
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        if (anthropic != null) {
          anthropic.flush(anthropicSink(out));
        }
        if ("error".equals(type) && event.getOrNull("error") instanceof JsonObject inner && inner.has("type")) {
          out.accept(StreamChunk.of(raw.data(), "error"));
        } else {
          out.accept(error.anthropicEvent().toChunk(writer));
        }
        return;
      case RESPONSES:
        out.accept(error.responsesEvent(responses.takeSequenceNumber()).toChunk(writer));
        for (OutEvent e : responses.fail(error.responsesFailure())) {
          out.accept(e.toChunk(writer));
        }
        return;
      case OPENAI:
      case GOOGLE:
        if (chatShape != null) {
          chatShape.discardUsage(); // the error chunk is the stream's last event
        }
        if (type == null && event.getOrNull("error") instanceof JsonObject) {
          out.accept(StreamChunk.of(raw.data()));
          return;
        }
        out.accept(error.eventFor(target).toChunk(writer));
        return;
      default:
        out.accept(error.eventFor(target).toChunk(writer));
    }
  }
}
