package dev.llmrouter.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ports of the Rust error.rs tests, plus the Java hierarchy's classification. */
class ErrorsTest {

  /** Rust: UpstreamHttpError parts. */
  @Test
  void upstream_http_error_exposes_parts() {
    List<Map.Entry<String, String>> headers =
        List.of(Map.entry("x-request-id", "r1"), Map.entry("vary", "a"), Map.entry("vary", "b"));
    byte[] body = "{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8);
    UpstreamHttpException e = new UpstreamHttpException("anthropic", 529, headers, body);
    assertThat(e.status()).isEqualTo(529);
    assertThat(e.headers()).containsExactlyElementsOf(headers);
    assertThat(e.header("X-Request-Id")).contains("r1");
    assertThat(e.header("vary")).contains("a");
    assertThat(e.bodyText()).isEqualTo("{\"error\":\"boom\"}");
    assertThat(e.provider()).isEqualTo("anthropic");
    assertThat(e.getMessage()).isEqualTo("provider 'anthropic' error: HTTP 529: {\"error\":\"boom\"}");
    // The body is defensively copied both ways.
    body[0] = 'X';
    assertThat(e.bodyText()).startsWith("{");
    e.body()[0] = 'Y';
    assertThat(e.bodyText()).startsWith("{");
  }

  /** Rust: TransformError classification (request translation failures are client errors). */
  @Test
  void translation_errors_are_client_errors() {
    RouterException e = new TranslationException("unable to detect the request format");
    assertThat(e).isInstanceOf(ClientException.class);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.isRetryable()).isFalse();
    RouterException response = new ResponseTransformException("bedrock", "bad", new byte[] {1});
    assertThat(response).isNotInstanceOf(ClientException.class).isInstanceOf(UpstreamException.class);
    assertThat(((ResponseTransformException) response).rawResponse()).containsExactly(1);
  }

  /** Rust: Router error classification (client, auth, upstream, other). */
  @Test
  void router_errors_are_classified() {
    assertThat(new UnknownModelException("x").httpStatus()).isEqualTo(400);
    assertThat(new UnknownModelException("x").getMessage()).isEqualTo("unknown model 'x'");
    assertThat(new NoProviderException(ProviderFormat.OPENAI).getMessage())
        .isEqualTo("no provider registered for format 'openai'");
    assertThat(new InvalidRequestException("bad").httpStatus()).isEqualTo(400);
    assertThat(new AuthException("no key").httpStatus()).isEqualTo(401);
    // A 400 from a provider is an upstream error, not a client error.
    UpstreamHttpException upstream400 = new UpstreamHttpException("openai", 400, List.of(), new byte[0]);
    assertThat(upstream400).isNotInstanceOf(ClientException.class);
    assertThat(upstream400.httpStatus()).isEqualTo(400);
    assertThat(new UpstreamProtocolException("bedrock", "bad frame").httpStatus()).isEqualTo(502);
    TransportException down = new TransportException("openai", "connection refused", true, null);
    assertThat(down.httpStatus()).isEqualTo(502);
    assertThat(down.getMessage()).isEqualTo("provider 'openai' unavailable: connection refused");
  }

  /** Rust: Timeout is not retryable. */
  @Test
  void timeout_is_not_retryable() {
    UpstreamTimeoutException t = new UpstreamTimeoutException("openai", "no response headers in 30 s", null);
    assertThat(t.isRetryable()).isFalse();
    assertThat(t.httpStatus()).isEqualTo(504);
    assertThat(t).isInstanceOf(TransportException.class);
  }

  @Test
  void retryAfterHintMakesAnUpstreamErrorRetryable() {
    UpstreamHttpException e =
        new UpstreamHttpException("openai", 429, List.of(), new byte[0], Duration.ofSeconds(2));
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
  }

  @Test
  void longBodiesAreCutInTheMessageButKeptWhole() {
    byte[] body = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
    UpstreamHttpException e = new UpstreamHttpException("openai", 500, List.of(), body);
    assertThat(e.getMessage().length()).isLessThan(700);
    assertThat(e.body()).hasSize(5000);
  }
}
