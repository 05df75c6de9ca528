package dev.llmrouter.gateway;

import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.stream.StreamChunk;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Chat Completions provider whose stream hands out exactly the events the test releases, blocking in
 * between like a silent upstream, and records when it is closed (the gateway cancelling the call).
 */
final class ScriptedProvider implements Provider {
  static final String MODEL = "scripted/model";
  private static final StreamChunk END = StreamChunk.of(new byte[0]);

  final LinkedBlockingQueue<StreamChunk> events = new LinkedBlockingQueue<>();
  final CountDownLatch closed = new CountDownLatch(1);
  final CountDownLatch opened = new CountDownLatch(1);

  static ModelCatalog catalog() {
    return ModelCatalog.builder().put(MODEL, ModelSpec.builder(MODEL, ProviderFormat.OPENAI, ModelFlavor.CHAT)
        .availableProviders(List.of("scripted")).build()).build();
  }

  /** Releases one text delta. */
  void release(String text) {
    events.add(StreamChunk.of(("{\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
        + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text
        + "\"},\"finish_reason\":null}]}").getBytes(StandardCharsets.UTF_8)));
  }

  /** Ends the stream. */
  void end() {
    events.add(StreamChunk.of(("{\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
        + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}")
        .getBytes(StandardCharsets.UTF_8)));
    events.add(END);
  }

  @Override
  public String id() {
    return "scripted";
  }

  @Override
  public List<ProviderFormat> formats() {
    return List.of(ProviderFormat.OPENAI);
  }

  @Override
  public boolean isBackupDefaultFor(ProviderFormat format) {
    return false;
  }

  @Override
  public byte[] complete(ProviderRequest request) {
    throw new UnsupportedOperationException("streams only");
  }

  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    opened.countDown();
    return new RawResponseStream() {
      private StreamChunk next;
      private volatile boolean done;

      @Override
      public boolean hasNext() {
        while (next == null && !done) {
          try {
            StreamChunk c = events.poll(50, TimeUnit.MILLISECONDS);
            if (c == END) {
              done = true;
            } else if (c != null) {
              next = c;
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = true;
          }
        }
        return next != null;
      }

      @Override
      public StreamChunk next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        StreamChunk c = next;
        next = null;
        return c;
      }

      @Override
      public void close() {
        done = true;
        closed.countDown();
      }
    };
  }
}
