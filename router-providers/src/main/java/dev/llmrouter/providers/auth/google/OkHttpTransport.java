package dev.llmrouter.providers.auth.google;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.util.StreamingContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A google-http-client transport over OkHttp, so that google-auth-library's token requests share the
 * router's HTTP client (its DNS overrides, pools and timeouts) and never block inside a
 * {@code synchronized} monitor of {@link java.net.HttpURLConnection} on a virtual thread. Thread-safe.
 */
final class OkHttpTransport extends HttpTransport {
  private final OkHttpClient client;

  OkHttpTransport(OkHttpClient client) {
    this.client = client;
  }

  @Override
  public boolean supportsMethod(String method) {
    return true;
  }

  @Override
  protected LowLevelHttpRequest buildRequest(String method, String url) {
    return new OkHttpLowLevelRequest(client, method, url);
  }

  /** One request; google-http-client fills it in, then calls {@link #execute()} once. */
  private static final class OkHttpLowLevelRequest extends LowLevelHttpRequest {
    private final OkHttpClient client;
    private final String method;
    private final Request.Builder builder;
    private int connectTimeoutMillis = -1;
    private int readTimeoutMillis = -1;
    private int writeTimeoutMillis = -1;

    OkHttpLowLevelRequest(OkHttpClient client, String method, String url) {
      this.client = client;
      this.method = method.toUpperCase(Locale.ROOT);
      this.builder = new Request.Builder().url(url);
    }

    @Override
    public void addHeader(String name, String value) {
      // OkHttp decompresses transparently only when it negotiated the encoding itself.
      if (!"accept-encoding".equalsIgnoreCase(name)) {
        builder.addHeader(name, value);
      }
    }

    @Override
    public void setTimeout(int connectTimeout, int readTimeout) {
      this.connectTimeoutMillis = connectTimeout;
      this.readTimeoutMillis = readTimeout;
    }

    @Override
    public void setWriteTimeout(int writeTimeout) {
      this.writeTimeoutMillis = writeTimeout;
    }

    // StreamingContent is deprecated, but it is what the LowLevelHttpRequest SPI hands the body over as.
    @SuppressWarnings("deprecation")
    @Override
    public LowLevelHttpResponse execute() throws IOException {
      RequestBody body = null;
      StreamingContent content = getStreamingContent();
      if (content != null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        content.writeTo(out);
        String type = getContentType();
        body = RequestBody.create(out.toByteArray(), type == null ? null : MediaType.parse(type));
        if (getContentEncoding() != null) {
          builder.header("Content-Encoding", getContentEncoding());
        }
      } else if (requiresBody(method)) {
        body = RequestBody.create(new byte[0], (MediaType) null);
      }
      builder.method(method, body);
      Response response = clientWithTimeouts().newCall(builder.build()).execute();
      return new OkHttpLowLevelResponse(response);
    }

    private OkHttpClient clientWithTimeouts() {
      if (connectTimeoutMillis < 0 && readTimeoutMillis < 0 && writeTimeoutMillis < 0) {
        return client;
      }
      // A derived client shares the connection pool and dispatcher; 0 means no timeout for both libraries.
      OkHttpClient.Builder b = client.newBuilder();
      if (connectTimeoutMillis >= 0) {
        b.connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS);
      }
      if (readTimeoutMillis >= 0) {
        b.readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS);
      }
      if (writeTimeoutMillis >= 0) {
        b.writeTimeout(writeTimeoutMillis, TimeUnit.MILLISECONDS);
      }
      return b.build();
    }

    private static boolean requiresBody(String method) {
      return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }
  }

  /** A response; {@link #disconnect()} releases it. */
  private static final class OkHttpLowLevelResponse extends LowLevelHttpResponse {
    private final Response response;
    private final Headers headers;

    OkHttpLowLevelResponse(Response response) {
      this.response = response;
      this.headers = response.headers();
    }

    @Override
    public InputStream getContent() {
      ResponseBody body = response.body();
      return body.byteStream();
    }

    @Override
    public String getContentEncoding() {
      return response.header("Content-Encoding");
    }

    @Override
    public long getContentLength() {
      return response.body().contentLength();
    }

    @Override
    public String getContentType() {
      return response.header("Content-Type");
    }

    @Override
    public String getStatusLine() {
      String message = response.message();
      return response.protocol().toString().toUpperCase(Locale.ROOT) + " " + response.code()
          + (message.isEmpty() ? "" : " " + message);
    }

    @Override
    public int getStatusCode() {
      return response.code();
    }

    @Override
    public String getReasonPhrase() {
      return response.message();
    }

    @Override
    public int getHeaderCount() {
      return headers.size();
    }

    @Override
    public String getHeaderName(int index) {
      return headers.name(index);
    }

    @Override
    public String getHeaderValue(int index) {
      return headers.value(index);
    }

    @Override
    public void disconnect() {
      response.close();
    }
  }
}
