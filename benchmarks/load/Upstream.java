import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The load benchmark's stand-in for an OpenAI-compatible upstream: a tiny HTTP/1.1 server on 127.0.0.1 that
 * answers {@code POST /v1/chat/completions} at once, with a fixed chat completion, or with a short SSE stream
 * when the request body asks for {@code "stream": true}.
 *
 * <p>It is deliberately minimal and fast (one platform thread per keep-alive connection, blocking sockets,
 * replies prebuilt as bytes) so that it is never the bottleneck of the benchmark. Run with the source
 * launcher: {@code java Upstream.java <port>}. It is not part of the product and is not built by Maven.
 */
public final class Upstream {
  private static final byte[] SYNC_BODY = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\","
      + "\"created\":1700000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"Hello! This is the load benchmark's upstream answering.\"},"
      + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,"
      + "\"completion_tokens\":11,\"total_tokens\":23},\"system_fingerprint\":\"fp_bench\"}")
      .getBytes(StandardCharsets.UTF_8);

  private static final String[] STREAM_EVENTS = {
    chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"),
    chunk("{\"content\":\"Hello\"}", "null"),
    chunk("{\"content\":\"! This is\"}", "null"),
    chunk("{\"content\":\" the load benchmark's\"}", "null"),
    chunk("{\"content\":\" upstream answering.\"}", "null"),
    chunk("{}", "\"stop\""),
    "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini\",\"system_fingerprint\":\"fp_bench\",\"choices\":[],"
        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":11,\"total_tokens\":23}}",
    "[DONE]",
  };

  private static final byte[] SYNC_REPLY = concat(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      + "Content-Length: " + SYNC_BODY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), SYNC_BODY);

  private static final byte[] STREAM_REPLY = streamReply();

  private static final byte[] NOT_FOUND_BODY =
      "{\"error\":{\"message\":\"not found\",\"type\":\"not_found\"}}".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] NOT_FOUND = concat(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
      + "Content-Length: " + NOT_FOUND_BODY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), NOT_FOUND_BODY);

  private Upstream() {}

  /** Starts the server on 127.0.0.1 at the port given as the only argument, and serves until killed. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java Upstream.java <port>");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    System.out.println("upstream listening on 127.0.0.1:" + port);
    System.out.flush();
    while (true) {
      Socket s = server.accept();
      Thread t = new Thread(() -> serve(s), "conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private static void serve(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream(), 16384);
      OutputStream out = s.getOutputStream();
      byte[] line = new byte[8192];
      while (true) {
        // Request line.
        int n = readLine(in, line);
        if (n < 0) {
          return;
        }
        if (n == 0) {
          continue; // tolerate a stray CRLF between requests
        }
        String requestLine = new String(line, 0, n, StandardCharsets.US_ASCII);
        long contentLength = 0;
        boolean chunked = false;
        boolean close = requestLine.endsWith("HTTP/1.0");
        while ((n = readLine(in, line)) > 0) {
          if (startsWithIgnoreCase(line, n, "content-length:")) {
            contentLength = Long.parseLong(new String(line, 15, n - 15, StandardCharsets.US_ASCII).trim());
          } else if (startsWithIgnoreCase(line, n, "transfer-encoding:")) {
            chunked = new String(line, 18, n - 18, StandardCharsets.US_ASCII).toLowerCase().contains("chunked");
          } else if (startsWithIgnoreCase(line, n, "connection:")) {
            String v = new String(line, 11, n - 11, StandardCharsets.US_ASCII).trim().toLowerCase();
            close = v.contains("close") || (close && !v.contains("keep-alive"));
          }
        }
        if (n < 0) {
          return;
        }
        byte[] body = chunked ? readChunked(in, line) : in.readNBytes((int) contentLength);
        if (!requestLine.startsWith("POST ") || !requestLine.contains("/chat/completions")) {
          out.write(NOT_FOUND);
        } else if (wantsStream(body)) {
          out.write(STREAM_REPLY);
        } else {
          out.write(SYNC_REPLY);
        }
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away or sent garbage: drop the connection.
    }
  }

  /** Reads one CRLF- (or LF-) terminated line into buf; returns its length without the terminator, -1 at EOF. */
  private static int readLine(InputStream in, byte[] buf) throws IOException {
    int n = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      if (b == '\n') {
        if (n > 0 && buf[n - 1] == '\r') {
          n--;
        }
        return n;
      }
      if (n == buf.length) {
        throw new IOException("header line too long");
      }
      buf[n++] = (byte) b;
    }
  }

  private static byte[] readChunked(InputStream in, byte[] line) throws IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    while (true) {
      int n = readLine(in, line);
      if (n < 0) {
        throw new IOException("EOF in chunked body");
      }
      String size = new String(line, 0, n, StandardCharsets.US_ASCII);
      int semi = size.indexOf(';');
      int len = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (len == 0) {
        while ((n = readLine(in, line)) > 0) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(len));
      readLine(in, line);
    }
  }

  private static boolean startsWithIgnoreCase(byte[] buf, int n, String prefix) {
    if (n < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase((char) buf[i]) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** True when the JSON body has {@code "stream": true} (whitespace allowed around the colon). */
  private static boolean wantsStream(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8);
    int i = s.indexOf("\"stream\"");
    while (i >= 0) {
      int j = i + 8;
      while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
        j++;
      }
      if (j < s.length() && s.charAt(j) == ':') {
        j++;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
          j++;
        }
        return s.startsWith("true", j);
      }
      i = s.indexOf("\"stream\"", i + 1);
    }
    return false;
  }

  private static String chunk(String delta, String finish) {
    return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini\",\"system_fingerprint\":\"fp_bench\",\"choices\":[{\"index\":0,\"delta\":"
        + delta + ",\"logprobs\":null,\"finish_reason\":" + finish + "}]}";
  }

  private static byte[] streamReply() {
    StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        + "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (String data : STREAM_EVENTS) {
      String event = "data: " + data + "\n\n";
      int len = event.getBytes(StandardCharsets.UTF_8).length;
      sb.append(Integer.toHexString(len)).append("\r\n").append(event).append("\r\n");
    }
    sb.append("0\r\n\r\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }


  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
