package dev.llmrouter.providers.mock;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local provider (id {@code mock}) that speaks OpenAI Chat Completions: it echoes the last user message
 * (models ending in {@code echo}), calls the request's first function tool (models ending in {@code tool}),
 * or returns the canned text, with the configured latency and token counts. The router translates its
 * replies and streams to any client format, exactly as for a real provider. Needs no credentials (register
 * it with any {@link dev.llmrouter.auth.AuthConfig}; it ignores them). Thread-safe.
 */
public final class MockProvider implements Provider {
  /** The provider id and kind name. */
  public static final String ID = "mock";

  private final MockConfig config;
  private final AtomicLong ids = new AtomicLong();

  /** A mock with {@code config}. */
  public MockProvider(MockConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The settings in use. */
  public MockConfig config() {
    return config;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<ProviderFormat> formats() {
    return List.of(ProviderFormat.OPENAI);
  }

  /** Never a backup default: only {@code mock/*} models (whose catalog names the alias) reach the mock. */
  @Override
  public boolean isBackupDefaultFor(ProviderFormat format) {
    return false;
  }

  @Override
  public byte[] complete(ProviderRequest request) {
    MockReply reply = MockReply.of(request.payload(), request.spec().model(), config);
    pause(config.latency(), request);
    return MockJson.completion(nextId(), now(), reply);
  }

  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    MockReply reply = MockReply.of(request.payload(), request.spec().model(), config);
    pause(config.latency(), request);
    String id = nextId();
    long created = now();
    ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    chunks.add(MockJson.roleChunk(id, created, reply));
    if (reply.toolName().isPresent()) {
      chunks.add(MockJson.toolChunk(id, created, reply));
    } else {
      for (String piece : MockReply.words(reply.text())) {
        chunks.add(MockJson.textChunk(id, created, reply, piece));
      }
    }
    chunks.add(MockJson.finishChunk(id, created, reply));
    chunks.add(MockJson.usageChunk(id, created, reply));
    return new MockStream(chunks, config.chunkDelay(), request.cancellation());
  }

  private String nextId() {
    return "chatcmpl-mock-" + ids.incrementAndGet();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static void pause(Duration d, ProviderRequest request) {
    if (d.isZero()) {
      return;
    }
    try {
      if (!request.cancellation().sleep(d)) {
        throw new TransportException(ID, "request cancelled", false, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(ID, "interrupted while waiting", false, e);
    }
  }

  @Override
  public String toString() {
    return "MockProvider{" + config + "}";
  }
}
