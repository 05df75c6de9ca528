package dev.llmrouter.testing;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.stream.StreamChunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A configurable in-memory provider. It records every request it receives (format, payload, stream
 * flag), answers {@link #complete} with a configurable responder (by default an OpenAI completion
 * echoing the payload's model) and {@link #completeStream} with a {@link RecordingRawStream} over
 * configured chunks.
 */
public final class StubProvider implements Provider {
  private final String id;
  private final List<ProviderFormat> formats;
  private final Predicate<String> aliasMatcher;
  private final Set<ProviderFormat> notBackupFor;
  private final Function<ProviderRequest, byte[]> responder;
  private final List<StreamChunk> streamChunks;
  private final List<ProviderRequest> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<ProviderRequest> streamCalls = Collections.synchronizedList(new ArrayList<>());
  private final List<RecordingRawStream> streams = Collections.synchronizedList(new ArrayList<>());

  private StubProvider(Builder b) {
    this.id = b.id;
    this.formats = List.copyOf(b.formats);
    this.aliasMatcher = b.aliasMatcher;
    this.notBackupFor = b.notBackupFor.isEmpty() ? Set.of() : EnumSet.copyOf(b.notBackupFor);
    this.responder = b.responder;
    this.streamChunks = List.copyOf(b.streamChunks);
  }

  /** A builder for a provider with id {@code id}. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A stub with id {@code id} that sends {@code formats} and echoes the payload's model. */
  public static StubProvider of(String id, ProviderFormat... formats) {
    return builder(id).formats(formats).build();
  }

  /**
   * A stub standing in for Java's Google provider: it sends Google and Chat Completions, but (as the
   * Provider SPI documents for Google) is never the backup default for Chat Completions.
   */
  public static StubProvider google() {
    return builder("google")
        .formats(ProviderFormat.GOOGLE, ProviderFormat.OPENAI)
        .notBackupDefaultFor(ProviderFormat.OPENAI)
        .build();
  }

  /**
   * A stub standing in for an OpenAI-compatible vendor registration: id {@code openai}, but it only
   * satisfies the catalog alias {@code vendorAlias} (the Rust FakeOpenAICompatibleProvider).
   */
  public static StubProvider openAiCompatible(String vendorAlias) {
    return builder("openai").formats(ProviderFormat.OPENAI).matchesAlias(vendorAlias::equals).build();
  }

  /** An OpenAI chat completion echoing the request payload's model (or "unknown"). */
  public static byte[] echoModel(ProviderRequest request) {
    String model = JsonProbe.string(request.payload(), "model").orElse("unknown");
    return Fixtures.chatResponse(model, "Echo: " + model);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean matchesProviderAlias(String alias) {
    return aliasMatcher == null ? Provider.super.matchesProviderAlias(alias) : aliasMatcher.test(alias);
  }

  @Override
  public List<ProviderFormat> formats() {
    return formats;
  }

  @Override
  public boolean isBackupDefaultFor(ProviderFormat format) {
    return !notBackupFor.contains(format) && Provider.super.isBackupDefaultFor(format);
  }

  @Override
  public byte[] complete(ProviderRequest request) {
    calls.add(request);
    return responder.apply(request);
  }

  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    streamCalls.add(request);
    RecordingRawStream stream = new RecordingRawStream(streamChunks);
    streams.add(stream);
    return stream;
  }

  /** Every non-streaming request, in order. */
  public List<ProviderRequest> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** Every streaming request, in order. */
  public List<ProviderRequest> streamCalls() {
    synchronized (streamCalls) {
      return List.copyOf(streamCalls);
    }
  }

  /** Every raw stream handed out, in order. */
  public List<RecordingRawStream> streams() {
    synchronized (streams) {
      return List.copyOf(streams);
    }
  }

  /** Total calls of either kind. */
  public int totalCalls() {
    return calls.size() + streamCalls.size();
  }

  /** The only non-streaming request; fails unless exactly one was made. */
  public ProviderRequest onlyCall() {
    List<ProviderRequest> all = calls();
    if (all.size() != 1 || !streamCalls.isEmpty()) {
      throw new AssertionError("expected exactly one complete() call, got " + all.size()
          + " complete() and " + streamCalls.size() + " completeStream() calls");
    }
    return all.get(0);
  }

  @Override
  public String toString() {
    return "StubProvider{" + id + "}";
  }

  /** Builds a {@link StubProvider}. */
  public static final class Builder {
    private final String id;
    private List<ProviderFormat> formats = List.of(ProviderFormat.OPENAI);
    private Predicate<String> aliasMatcher;
    private final Set<ProviderFormat> notBackupFor = EnumSet.noneOf(ProviderFormat.class);
    private Function<ProviderRequest, byte[]> responder = StubProvider::echoModel;
    private List<StreamChunk> streamChunks = List.of();
    private Map<ProviderFormat, byte[]> byFormat;

    private Builder(String id) {
      this.id = id;
    }

    public Builder formats(ProviderFormat... formats) {
      this.formats = List.of(formats);
      return this;
    }

    /** Overrides {@link Provider#matchesProviderAlias} (default: alias equals id). */
    public Builder matchesAlias(Predicate<String> matcher) {
      this.aliasMatcher = matcher;
      return this;
    }

    /** Formats this provider must never be the backup default for. */
    public Builder notBackupDefaultFor(ProviderFormat... formats) {
      this.notBackupFor.addAll(List.of(formats));
      return this;
    }

    /** The reply of {@code complete} (default: {@link StubProvider#echoModel}). */
    public Builder responder(Function<ProviderRequest, byte[]> responder) {
      this.responder = responder;
      this.byFormat = null;
      return this;
    }

    /** A fixed reply of {@code complete}, the same array every time. */
    public Builder response(byte[] response) {
      return responder(r -> response);
    }

    /**
     * A fixed reply of {@code complete} for requests sent in {@code format} (a provider answering in the
     * format it was called with); calls in a format with no reply fail the test. Replaces any responder.
     */
    public Builder responseFor(ProviderFormat format, byte[] response) {
      Map<ProviderFormat, byte[]> replies = byFormat;
      if (replies == null) {
        replies = new EnumMap<>(ProviderFormat.class);
        byFormat = replies;
        Map<ProviderFormat, byte[]> table = replies;
        responder = r -> {
          byte[] reply = table.get(r.format());
          if (reply == null) {
            throw new AssertionError(id + " stub has no reply for format " + r.format());
          }
          return reply;
        };
      }
      replies.put(format, response);
      return this;
    }

    /** The chunks each {@code completeStream} call yields. */
    public Builder streamChunks(StreamChunk... chunks) {
      this.streamChunks = List.of(chunks);
      return this;
    }

    /** The chunks each {@code completeStream} call yields. */
    public Builder streamChunks(List<StreamChunk> chunks) {
      this.streamChunks = List.copyOf(chunks);
      return this;
    }

    public StubProvider build() {
      return new StubProvider(this);
    }
  }
}
