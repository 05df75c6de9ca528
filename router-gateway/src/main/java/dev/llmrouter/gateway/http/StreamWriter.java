package dev.llmrouter.gateway.http;

import dev.llmrouter.ResponseStream;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.stream.SseFraming;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Puts one {@link ResponseStream} on the wire: each event is framed ({@link SseFraming}, or Gemini's JSON
 * array when the client did not ask for {@code alt=sse}) and written as one flushed write, never buffered.
 * A timer writes a keep-alive ({@code : keep-alive} comment, or whitespace inside a JSON array) after each
 * silence of the configured interval. When a write fails the client is gone: the stream is closed, which
 * cancels the upstream call, also while the upstream is silent (the keep-alive write notices). Writes are
 * serialized by a lock; the timer only writes when the lock is free. (Chat Completions chunks translated
 * from other vendors already come shaped for the official SDKs from the router's stream session.)
 */
final class StreamWriter implements AutoCloseable {
  private static final byte[] SPACE = " ".getBytes(StandardCharsets.US_ASCII);

  private final Response response;
  private final ResponseStream stream;
  private final ProviderFormat format;
  private final boolean jsonArray;
  private final long intervalNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final ScheduledFuture<?> keepAlive;
  private volatile long lastWrite = System.nanoTime();
  private volatile boolean clientGone;
  private boolean firstElement = true;

  StreamWriter(Response response, ResponseStream stream, ProviderFormat format, boolean jsonArray,
      Duration interval, ScheduledExecutorService timer) {
    this.response = response;
    this.stream = stream;
    this.format = format;
    this.jsonArray = jsonArray;
    this.intervalNanos = interval.toNanos();
    long tick = Math.max(1, interval.toMillis() / 2);
    this.keepAlive = timer.scheduleAtFixedRate(this::maybeKeepAlive, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** Sends the response headers now, so the client sees the 200 before the first event. */
  void open() throws IOException {
    write(jsonArray ? bytes("[") : null);
  }

  /** Writes one event. */
  void event(StreamChunk chunk) throws IOException {
    if (jsonArray) {
      byte[] data = chunk.data();
      byte[] sep = firstElement ? new byte[0] : bytes(",\r\n");
      firstElement = false;
      byte[] out = new byte[sep.length + data.length];
      System.arraycopy(sep, 0, out, 0, sep.length);
      System.arraycopy(data, 0, out, sep.length, data.length);
      write(out);
    } else {
      write(SseFraming.frame(chunk, format));
    }
  }

  /** Writes the terminator ({@code data: [DONE]} for Chat Completions, {@code ]} for a JSON array) and ends the response. */
  void finish() throws IOException {
    keepAlive.cancel(false);
    byte[] end = jsonArray ? bytes("]") : SseFraming.done(format);
    lock.lock();
    try {
      checkOpen();
      Content.Sink.write(response, true, ByteBuffer.wrap(end));
    } catch (IOException e) {
      gone();
      throw e;
    } finally {
      lock.unlock();
    }
  }

  /** Ends the response after the stream's error event: no {@code [DONE]}, but a JSON array is closed. */
  void finishAfterError() throws IOException {
    keepAlive.cancel(false);
    lock.lock();
    try {
      checkOpen();
      Content.Sink.write(response, true, jsonArray ? ByteBuffer.wrap(bytes("]")) : BufferUtil.EMPTY_BUFFER);
    } catch (IOException e) {
      gone();
      throw e;
    } finally {
      lock.unlock();
    }
  }

  /** Whether a write failed because the client went away. */
  boolean clientGone() {
    return clientGone;
  }

  private void write(byte[] bytes) throws IOException {
    lock.lock();
    try {
      checkOpen();
      Content.Sink.write(response, false, bytes == null ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(bytes));
      lastWrite = System.nanoTime();
    } catch (IOException e) {
      gone();
      throw e;
    } finally {
      lock.unlock();
    }
  }

  private void checkOpen() throws IOException {
    if (clientGone) {
      throw new IOException("client disconnected");
    }
  }

  private void maybeKeepAlive() {
    if (clientGone || System.nanoTime() - lastWrite < intervalNanos || !lock.tryLock()) {
      return;
    }
    try {
      if (clientGone) {
        return;
      }
      Content.Sink.write(response, false, ByteBuffer.wrap(jsonArray ? SPACE : SseFraming.keepAliveComment()));
      lastWrite = System.nanoTime();
    } catch (IOException | RuntimeException e) {
      gone();
    } finally {
      lock.unlock();
    }
  }

  /** The client is gone: stop writing and cancel the upstream call. */
  private void gone() {
    clientGone = true;
    keepAlive.cancel(false);
    stream.close();
  }

  @Override
  public void close() {
    keepAlive.cancel(false);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
