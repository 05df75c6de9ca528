package dev.llmrouter.providers.prompt;

import dev.llmrouter.auth.Redaction;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.prompt.PromptNotFoundException;
import dev.llmrouter.prompt.PromptRef;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.HttpClients;
import dev.llmrouter.providers.http.HttpExecutor;
import dev.llmrouter.providers.http.UrlPaths;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON GET to a prompt service and its error mapping, shared by the prompt clients: 404 is
 * {@link PromptNotFoundException}; any other non-2xx an {@link UpstreamHttpException} (credential headers
 * dropped, the token scrubbed from the body); connection failures a {@link TransportException}; a timeout an
 * {@link UpstreamTimeoutException}; a body that is not a JSON object, or larger than the limit, an
 * {@link UpstreamProtocolException}. The bearer token is never logged or put in a message.
 */
final class PromptHttp {
  private static final Logger LOG = LoggerFactory.getLogger(PromptHttp.class);

  /** The largest prompt response read. */
  static final long MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

  private final String name;
  private final OkHttpClient client;
  private final long timeoutMillis;

  PromptHttp(String name, OkHttpClient client, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new InvalidRequestException(name + ": timeout must be positive, got " + timeout);
    }
    this.name = name;
    this.timeoutMillis = timeout.toMillis();
    OkHttpClient base = client != null ? client : HttpClients.forSettings(ClientSettings.defaults());
    this.client = base.newBuilder()
        .retryOnConnectionFailure(false)
        .callTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .build();
  }

  /** GETs {@code url} and returns its JSON object body. */
  JsonObject getJson(HttpUrl url, String bearerToken, PromptRef ref) {
    Request.Builder rb = new Request.Builder()
        .url(url)
        .get()
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("User-Agent", ClientSettings.DEFAULT_USER_AGENT);
    if (bearerToken != null && !bearerToken.isEmpty()) {
      try {
        rb.header("Authorization", "Bearer " + bearerToken);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(name + ": the API key contains characters not allowed in a header");
      }
    }
    String where = "GET " + UrlPaths.redact(url);
    Call call = client.newCall(rb.build());
    LOG.debug("{}: {}", name, where);
    try (Response response = call.execute()) {
      if (response.code() == 404) {
        throw new PromptNotFoundException(ref, name + " answered 404");
      }
      byte[] body = read(response.body().source(), where);
      if (!response.isSuccessful()) {
        List<String> secrets = bearerToken == null || bearerToken.isEmpty() ? List.of() : List.of(bearerToken);
        throw new UpstreamHttpException(
            name, response.code(), HttpExecutor.filterHeaders(response.headers()), Redaction.scrub(body, secrets));
      }
      try {
        return JsonTree.parseObject(body);
      } catch (JsonSyntaxException e) {
        throw new UpstreamProtocolException(name, where + ": the answer is not a JSON object: " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw failure(e, where);
    }
  }

  private byte[] read(BufferedSource source, String where) throws IOException {
    if (source.request(MAX_RESPONSE_BYTES + 1)) {
      throw new UpstreamProtocolException(name, UpstreamProtocolException.Kind.LIMIT_EXCEEDED, null,
          where + ": the answer is larger than " + MAX_RESPONSE_BYTES + " bytes", null);
    }
    return source.readByteArray();
  }

  private RuntimeException failure(IOException e, String where) {
    if (e instanceof SocketTimeoutException s) {
      String m = s.getMessage();
      UpstreamTimeoutException.Phase phase = m != null && m.toLowerCase(Locale.ROOT).contains("connect")
          ? UpstreamTimeoutException.Phase.CONNECT
          : UpstreamTimeoutException.Phase.RESPONSE_HEADERS;
      return new UpstreamTimeoutException(name, phase, where + " (timeout " + timeoutMillis + " ms)", e);
    }
    if (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted()) {
      return new UpstreamTimeoutException(
          name, UpstreamTimeoutException.Phase.TOTAL, where + " (timeout " + timeoutMillis + " ms)", e);
    }
    return new TransportException(name, where + ": " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()), false, e);
  }
}
