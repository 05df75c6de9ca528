package dev.llmrouter.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.gateway.auth.Access;
import dev.llmrouter.gateway.auth.TokenAuthenticator;
import dev.llmrouter.gateway.config.GatewayConfig;
import dev.llmrouter.gateway.config.GatewayConfigException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gateway tokens: every way an SDK sends one, wrong and missing ones, admin-only endpoints, unsafe binds. */
class AuthTest {
  private static final String CHAT = "{\"model\":\"mock/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final String MESSAGES = "{\"model\":\"mock/echo\",\"max_tokens\":5,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final String GEMINI = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}";
  private static Harness h;

  @BeforeAll
  static void start() throws Exception {
    h = Harness.start(c -> c.authTokens(List.of("user-token-1", "user-token-2")).adminTokens(List.of("admin-token")));
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  @Test
  void missingTokenIs401InEachFormat() throws Exception {
    HttpResponse<String> openai = h.post("/v1/chat/completions", CHAT);
    assertThat(openai.statusCode()).isEqualTo(401);
    assertThat(openai.headers().firstValue("www-authenticate")).hasValue("Bearer");
    assertThat(openai.body()).startsWith("{\"error\":{\"message\":\"missing gateway token")
        .contains("\"type\":\"authentication_error\"").contains("\"code\":\"invalid_api_key\"");
    HttpResponse<String> anthropic = h.post("/v1/messages", MESSAGES);
    assertThat(anthropic.statusCode()).isEqualTo(401);
    assertThat(anthropic.body()).startsWith("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\"");
    HttpResponse<String> gemini = h.post("/v1beta/models/mock/echo:generateContent", GEMINI);
    assertThat(gemini.statusCode()).isEqualTo(401);
    assertThat(gemini.body()).startsWith("{\"error\":{\"code\":401,").contains("\"status\":\"UNAUTHENTICATED\"");
    assertThat(h.get("/v1/models").statusCode()).isEqualTo(401);
  }

  @Test
  void wrongTokenIs401() throws Exception {
    HttpResponse<String> r = h.post("/v1/chat/completions", CHAT, "authorization", "Bearer user-token-3");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("invalid gateway token").doesNotContain("user-token-3");
    assertThat(h.post("/v1/chat/completions", CHAT, "authorization", "Basic user-token-1").statusCode())
        .isEqualTo(401);
  }

  @Test
  void bearerTokenIsAccepted() throws Exception {
    assertThat(h.post("/v1/chat/completions", CHAT, "authorization", "Bearer user-token-2").statusCode())
        .isEqualTo(200);
  }

  @Test
  void xApiKeyIsAcceptedAsTheAnthropicSdkSendsIt() throws Exception {
    assertThat(h.post("/v1/messages", MESSAGES, "x-api-key", "user-token-1").statusCode()).isEqualTo(200);
  }

  @Test
  void xGoogApiKeyIsAcceptedAsTheGeminiSdkSendsIt() throws Exception {
    assertThat(h.post("/v1beta/models/mock/echo:generateContent", GEMINI, "x-goog-api-key", "user-token-1")
        .statusCode()).isEqualTo(200);
  }

  @Test
  void keyQueryParameterIsRefusedWithAnExplanation() throws Exception {
    HttpResponse<String> r = h.post("/v1beta/models/mock/echo:generateContent?key=user-token-1", GEMINI);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("'key' query parameter is not accepted").contains("x-goog-api-key");
  }

  @Test
  void metricsNeedAnAdminTokenAndAdminsMayDoWhatUsersDo() throws Exception {
    assertThat(h.get("/metrics", "authorization", "Bearer user-token-1").statusCode()).isEqualTo(403);
    HttpResponse<String> admin = h.get("/metrics", "authorization", "Bearer admin-token");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("llmrouter_gateway_requests_total");
    assertThat(h.post("/v1/chat/completions", CHAT, "authorization", "Bearer admin-token").statusCode())
        .isEqualTo(200);
    assertThat(h.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void authenticatorComparesDigestsAndReadsEveryHeaderKind() {
    TokenAuthenticator auth = new TokenAuthenticator(List.of("u"), List.of("a", " "));
    assertThat(auth.authenticate(Map.of("authorization", "Bearer u")::get)).isEqualTo(Access.USER);
    assertThat(auth.authenticate(Map.of("authorization", "bearer a")::get)).isEqualTo(Access.ADMIN);
    assertThat(auth.authenticate(Map.of("x-api-key", "a")::get)).isEqualTo(Access.ADMIN);
    assertThat(auth.authenticate(Map.of("x-goog-api-key", "u")::get)).isEqualTo(Access.USER);
    assertThat(auth.authenticate(Map.of("x-goog-api-key", "uu")::get)).isEqualTo(Access.NONE);
    assertThat(auth.authenticate(Map.<String, String>of()::get)).isEqualTo(Access.NONE);
    assertThat(auth.toString()).doesNotContain("u}").contains("userTokens=1").contains("adminTokens=1");
    assertThat(new TokenAuthenticator(List.of(), List.of()).authenticate(Map.<String, String>of()::get))
        .isEqualTo(Access.ADMIN);
  }

  @Test
  void refusesToBindBeyondLoopbackWithoutTokens() {
    GatewayConfig open = GatewayConfig.builder().host("0.0.0.0").port(0).build();
    assertThatThrownBy(() -> Gateway.start(open, line -> { }))
        .isInstanceOf(GatewayConfigException.class)
        .hasMessageContaining("refusing to listen on HOST=0.0.0.0")
        .hasMessageContaining("GATEWAY_AUTH_TOKENS");
  }
}
