package dev.llmrouter.observe;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.catalog.Usage;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.stream.StreamChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the usage and the finish reasons of a stream from its events in the client format, cheaply:
 * an event is parsed only when its bytes mention usage ({@code usage}, {@code usageMetadata}) or carry a non-null finish
 * reason ({@code finish_reason}, {@code finishReason} or {@code stop_reason} followed by a string), which
 * in practice is the last one or two events of a stream. Chat Completions, Responses and Gemini report
 * cumulative usage (the last report wins); Anthropic reports input and cache counts in
 * {@code message_start} and output in {@code message_delta}, so each bucket keeps its largest value.
 * Finish reasons are kept once each, in order. Not thread-safe (one per stream).
 */
public final class StreamTally {
  private static final byte[] USAGE = bytes("usage");
  private static final byte[][] REASONS = {bytes("finish_reason\""), bytes("finishReason\""), bytes("stop_reason\"")};

  private final ProviderFormat format;
  private Usage usage;
  private List<String> finishReasons;

  /** A tally for a stream in {@code format}. */
  public StreamTally(ProviderFormat format) {
    this.format = format;
  }

  /**
   * Looks at one event; returns whether it carried usage (so callers can annotate that event).
   */
  public boolean accept(StreamChunk chunk) {
    byte[] data = chunk.data();
    boolean mentionsUsage = indexOf(data, USAGE, 0) >= 0;
    if (!mentionsUsage && !hasStringReason(data)) {
      return false;
    }
    JsonObject o;
    try {
      o = JsonTree.parseObject(data);
    } catch (RuntimeException e) {
      return false;
    }
    List<String> reasons = new ArrayList<>(1);
    ReplyReader.finishReasons(o, format, reasons);
    for (String r : reasons) {
      if (finishReasons == null) {
        finishReasons = new ArrayList<>(1);
      }
      if (!finishReasons.contains(r)) {
        finishReasons.add(r);
      }
    }
    if (!mentionsUsage) {
      return false;
    }
    Optional<Usage> u;
    try {
      u = ReplyReader.usage(o, format);
    } catch (RuntimeException e) {
      return false;
    }
    if (u.isEmpty()) {
      return false;
    }
    usage = usage == null || !format.isAnthropicFamily() ? u.get() : max(usage, u.get());
    return true;
  }

  /** The usage seen so far. */
  public Optional<Usage> usage() {
    return Optional.ofNullable(usage);
  }

  /** The distinct finish reasons seen so far, in order. */
  public List<String> finishReasons() {
    return finishReasons == null ? List.of() : List.copyOf(finishReasons);
  }

  private static Usage max(Usage a, Usage b) {
    return Usage.builder()
        .uncachedInputTokens(Math.max(a.uncachedInputTokens(), b.uncachedInputTokens()))
        .cacheReadTokens(Math.max(a.cacheReadTokens(), b.cacheReadTokens()))
        .cacheWrite5mTokens(Math.max(a.cacheWrite5mTokens(), b.cacheWrite5mTokens()))
        .cacheWrite1hTokens(Math.max(a.cacheWrite1hTokens(), b.cacheWrite1hTokens()))
        .cacheWriteUnspecifiedTokens(Math.max(a.cacheWriteUnspecifiedTokens(), b.cacheWriteUnspecifiedTokens()))
        .outputTokens(Math.max(a.outputTokens(), b.outputTokens()))
        .reasoningTokens(Math.max(a.reasoningTokens(), b.reasoningTokens()))
        .build();
  }

  /** Whether a finish-reason key is followed by {@code :} and a string (not {@code null}). */
  private static boolean hasStringReason(byte[] data) {
    for (byte[] key : REASONS) {
      int at = indexOf(data, key, 0);
      while (at >= 0) {
        int i = at + key.length;
        while (i < data.length && (data[i] == ' ' || data[i] == ':' || data[i] == '\t' || data[i] == '\n'
            || data[i] == '\r')) {
          i++;
        }
        if (i < data.length && data[i] == '"') {
          return true;
        }
        at = indexOf(data, key, at + key.length);
      }
    }
    return false;
  }

  private static int indexOf(byte[] data, byte[] marker, int from) {
    outer:
    for (int i = from; i + marker.length <= data.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (data[i + j] != marker[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
