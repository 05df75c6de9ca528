package dev.llmrouter.gateway.cost;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.catalog.Usage;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.stream.StreamChunk;
import java.util.Optional;

/**
 * Collects the usage of a stream from its events in the client format. Chat Completions, Responses and
 * Gemini report cumulative usage (the last report wins); Anthropic reports input and cache counts in
 * {@code message_start} and output in {@code message_delta}, so each bucket keeps its largest value.
 * Only events whose bytes mention usage are parsed. Not thread-safe (one per stream).
 */
public final class StreamUsage {
  private static final byte[] MARKER = {'s', 'a', 'g', 'e'};
  private final ProviderFormat format;
  private Usage usage;

  /** A collector for a stream in {@code format}. */
  public StreamUsage(ProviderFormat format) {
    this.format = format;
  }

  /** Looks at one event. */
  public void accept(StreamChunk chunk) {
    byte[] data = chunk.data();
    if (!contains(data, MARKER)) {
      return;
    }
    Optional<Usage> u;
    try {
      u = UsageReader.read(JsonTree.parseObject(data), format);
    } catch (RuntimeException e) {
      return;
    }
    if (u.isEmpty()) {
      return;
    }
    if (usage == null || !format.isAnthropicFamily()) {
      usage = u.get();
      return;
    }
    Usage a = usage;
    Usage b = u.get();
    usage = Usage.builder()
        .uncachedInputTokens(Math.max(a.uncachedInputTokens(), b.uncachedInputTokens()))
        .cacheReadTokens(Math.max(a.cacheReadTokens(), b.cacheReadTokens()))
        .cacheWrite5mTokens(Math.max(a.cacheWrite5mTokens(), b.cacheWrite5mTokens()))
        .cacheWrite1hTokens(Math.max(a.cacheWrite1hTokens(), b.cacheWrite1hTokens()))
        .cacheWriteUnspecifiedTokens(Math.max(a.cacheWriteUnspecifiedTokens(), b.cacheWriteUnspecifiedTokens()))
        .outputTokens(Math.max(a.outputTokens(), b.outputTokens()))
        .build();
  }

  /** The usage seen so far. */
  public Optional<Usage> usage() {
    return Optional.ofNullable(usage);
  }

  private static boolean contains(byte[] data, byte[] marker) {
    outer:
    for (int i = 0; i + marker.length <= data.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (data[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
