package dev.llmrouter.sdktests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One upstream vendor played by the JDK's HTTP server on 127.0.0.1: every request takes the next scripted
 * reply (or a 500 naming the missing script) and is recorded, so a test can check what the gateway sent.
 */
final class FakeVendor implements AutoCloseable {
  /** A scripted reply: status, content type and the body chunks, each written and flushed on its own. */
  record Reply(int status, String contentType, List<byte[]> chunks) {
    static Reply json(String body) {
      return new Reply(200, "application/json", List.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    static Reply sse(List<String> events) {
      List<byte[]> chunks = new ArrayList<>();
      for (String e : events) {
        chunks.add(e.getBytes(StandardCharsets.UTF_8));
      }
      return new Reply(200, "text/event-stream", chunks);
    }

    static Reply eventStream(List<byte[]> frames) {
      return new Reply(200, "application/vnd.amazon.eventstream", frames);
    }
  }

  /** A request the vendor received. */
  record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
    /** The first value of a header (case-insensitive name), or "" when absent. */
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return "";
    }
  }

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor;
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  private FakeVendor(String name, HttpServer server, ExecutorService executor) {
    this.name = name;
    this.server = server;
    this.executor = executor;
  }

  /** Starts a vendor on an ephemeral port of 127.0.0.1. */
  static FakeVendor start(String name) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-" + name);
      t.setDaemon(true);
      return t;
    });
    FakeVendor vendor = new FakeVendor(name, server, executor);
    server.createContext("/", vendor::handle);
    server.setExecutor(executor);
    server.start();
    return vendor;
  }

  /** {@code http://127.0.0.1:port} (no trailing slash). */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues the reply for the next request. */
  void enqueue(Reply reply) {
    replies.add(reply);
  }

  /** The next request received, waiting a generous bound; fails if none came. */
  Received takeRequest() throws InterruptedException {
    Received r = received.poll(30, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("the fake " + name + " vendor received no request");
    }
    return r;
  }

  /** Forgets queued replies and recorded requests (between tests). */
  void reset() {
    replies.clear();
    received.clear();
  }

  /** How many recorded requests no test has taken yet. */
  int pendingRequests() {
    return received.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String query = exchange.getRequestURI().getRawQuery();
      String path = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
      received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()),
          body));
      Reply reply = replies.poll();
      if (reply == null) {
        byte[] err = ("{\"error\":\"no scripted reply in the fake " + name + " vendor for " + path + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(500, err.length);
        exchange.getResponseBody().write(err);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      boolean single = reply.chunks().size() == 1;
      exchange.sendResponseHeaders(reply.status(), single ? reply.chunks().get(0).length : 0);
      OutputStream out = exchange.getResponseBody();
      for (byte[] chunk : reply.chunks()) {
        out.write(chunk);
        out.flush();
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
