package dev.llmrouter.gateway.http;

import dev.llmrouter.error.RequestTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** Reads a request body up to a limit: a declared or actual size above it is refused before buffering it. */
public final class BodyReader {
  private BodyReader() {}

  /**
   * The body bytes.
   *
   * @throws RequestTooLargeException if the body is larger than {@code limit}
   * @throws IOException if the client connection fails
   */
  public static byte[] read(Request request, long limit) throws IOException {
    long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > limit) {
      throw new RequestTooLargeException(declared, limit);
    }
    int initial = (int) Math.min(Math.max(declared, 1024), 1 << 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream(initial);
    byte[] buf = new byte[16 * 1024];
    long total = 0;
    try (InputStream in = Request.asInputStream(request)) {
      int n;
      while ((n = in.read(buf)) != -1) {
        total += n;
        if (total > limit) {
          throw new RequestTooLargeException(total, limit);
        }
        out.write(buf, 0, n);
      }
    }
    return out.toByteArray();
  }
}
