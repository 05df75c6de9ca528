package dev.llmrouter.providers.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.ProviderSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ports of the Rust providers/google.rs tests (the first seven, same names in camel case), plus URL, format
 * and configuration checks.
 */
@Timeout(60)
class GoogleProviderTest {
  private static final String ENDPOINT = "https://generativelanguage.googleapis.com/v1beta/";

  private static GoogleProvider provider(String endpoint) {
    return new GoogleProvider(GoogleConfig.builder().endpoint(endpoint).build());
  }

  private static ModelSpec spec(String model) {
    return ModelSpec.builder(model, ProviderFormat.GOOGLE, ModelFlavor.CHAT).build();
  }

  private static AuthConfig apiKeyAuth() {
    return AuthConfig.apiKey("test-key", "x-goog-api-key", null);
  }

  /** Headers as the HTTP client would keep them: case-insensitive names, last write wins. */
  private static Map<String, String> authHeaders(AuthConfig auth, ProviderFormat format) {
    Map<String, String> headers = new TreeMap<>();
    GoogleProvider.applyAuth(auth, format, (name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    return headers;
  }

  // ---- Rust: providers/google.rs ----

  @Test
  void chatCompletionsUrlJoinsOpenaiPath() {
    assertThat(provider(ENDPOINT).requestUrl(ProviderFormat.OPENAI, "gemini-2.5-flash", false))
        .hasToString("https://generativelanguage.googleapis.com/v1beta/openai/chat/completions");
  }

  @Test
  void chatCompletionsUrlDoesNotDuplicateOpenaiSuffix() {
    assertThat(provider(ENDPOINT + "openai/").requestUrl(ProviderFormat.OPENAI, "gemini-2.5-flash", false))
        .hasToString("https://generativelanguage.googleapis.com/v1beta/openai/chat/completions");
  }

  @Test
  void nativeStreamingUrlKeepsGenerateContentSsePath() {
    assertThat(provider(ENDPOINT).requestUrl(ProviderFormat.GOOGLE, "gemini-2.5-flash", true))
        .hasToString(
            "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
  }

  @Test
  void chatCompletionsApiKeyAuthUsesBearer() {
    Map<String, String> headers = authHeaders(apiKeyAuth(), ProviderFormat.OPENAI);
    assertThat(headers).containsEntry("authorization", "Bearer test-key").doesNotContainKey("x-goog-api-key");
  }

  @Test
  void nativeApiKeyAuthPreservesConfiguredHeader() {
    Map<String, String> headers = authHeaders(apiKeyAuth(), ProviderFormat.GOOGLE);
    assertThat(headers).containsEntry("x-goog-api-key", "test-key").doesNotContainKey("authorization");
  }

  @Test
  void completeChatCompletionsPostsToOpenaiCompatibleEndpoint() throws Exception {
    String payload = "{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}";
    try (MockWebServer server = Loopback.startServer()) {
      server.enqueue(
          new MockResponse.Builder().code(200).body("{\"id\":\"chatcmpl-test\",\"choices\":[]}").build());
      byte[] response =
          provider(server.url("/v1beta/").toString())
              .complete(request(payload, ProviderFormat.OPENAI).build());
      assertThat(new String(response, StandardCharsets.UTF_8)).contains("\"id\":\"chatcmpl-test\"");
      RecordedRequest r = server.takeRequest();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/openai/chat/completions");
      assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer test-key");
      assertThat(r.getHeaders().get("x-goog-api-key")).isNull();
      assertThat(r.getBody().utf8()).isEqualTo(payload);
    }
  }

  @Test
  void completeStreamChatCompletionsPostsToSameEndpoint() throws Exception {
    String payload =
        "{\"model\":\"gemini-2.5-flash\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}";
    try (MockWebServer server = Loopback.startServer()) {
      server.enqueue(new MockResponse.Builder().code(200).body("data: {\"choices\":[]}\n\n").build());
      List<String> events = new ArrayList<>();
      try (RawResponseStream stream =
          provider(server.url("/v1beta/").toString())
              .completeStream(request(payload, ProviderFormat.OPENAI).stream(true).build())) {
        stream.forEachRemaining(c -> events.add(c.utf8()));
      }
      assertThat(events).containsExactly("{\"choices\":[]}");
      RecordedRequest r = server.takeRequest();
      assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/openai/chat/completions");
      assertThat(r.getUrl().query()).isNull();
      assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer test-key");
      assertThat(r.getBody().utf8()).isEqualTo(payload);
    }
  }

  private static ProviderRequest.Builder request(String payload, ProviderFormat format) {
    return ProviderRequest.builder()
        .payload(payload.getBytes(StandardCharsets.UTF_8))
        .format(format)
        .spec(spec("gemini-2.5-flash"))
        .auth(apiKeyAuth());
  }

  // ---- URLs beyond the Rust tests ----

  @Test
  void nativeUrlAddsTheModelsPrefixOnlyWhenMissing() {
    GoogleProvider p = provider(ENDPOINT);
    assertThat(p.requestUrl(ProviderFormat.GOOGLE, "gemini-2.5-flash", false))
        .hasToString("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(p.requestUrl(ProviderFormat.GOOGLE, "models/gemini-2.5-pro", false))
        .hasToString("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:generateContent");
  }

  @Test
  void theChatUrlIsTheSameForStreaming() {
    assertThat(provider(ENDPOINT).requestUrl(ProviderFormat.OPENAI, "gemini-2.5-flash", true))
        .hasToString("https://generativelanguage.googleapis.com/v1beta/openai/chat/completions");
  }

  @Test
  void anEndpointWithoutTrailingSlashIsJoinedAsInRust() {
    // RFC 3986 join replaces the last segment of a base without a trailing slash (Rust's Url::join too).
    assertThat(provider("https://proxy.example/google/v1beta").requestUrl(ProviderFormat.GOOGLE, "g", false))
        .hasToString("https://proxy.example/google/models/g:generateContent");
  }

  @Test
  void modelCharactersThatWouldChangeTheUrlAreEncoded() {
    assertThat(provider(ENDPOINT).requestUrl(ProviderFormat.GOOGLE, "my model?x#y", false))
        .hasToString(
            "https://generativelanguage.googleapis.com/v1beta/models/my%20model%3Fx%23y:generateContent");
    assertThatThrownBy(() -> provider(ENDPOINT).requestUrl(ProviderFormat.GOOGLE, "../admin", false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("../admin");
    assertThatThrownBy(() -> provider(ENDPOINT).requestUrl(ProviderFormat.GOOGLE, "", false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("model id is empty");
  }

  @Test
  void unservedFormatsAreRejectedByName() {
    assertThatThrownBy(() -> provider(ENDPOINT).requestUrl(ProviderFormat.ANTHROPIC, "claude", false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'anthropic'")
        .hasMessageContaining("google, openai");
  }

  @Test
  void idFormatsAndBackupDefaults() {
    GoogleProvider p = new GoogleProvider();
    assertThat(p.id()).isEqualTo("google");
    assertThat(p.formats()).containsExactly(ProviderFormat.GOOGLE, ProviderFormat.OPENAI);
    assertThat(p.matchesProviderAlias("google")).isTrue();
    assertThat(p.isBackupDefaultFor(ProviderFormat.GOOGLE)).isTrue();
    // Rust special case: Gemini's OpenAI-compatible endpoint never becomes the backup Chat Completions default.
    assertThat(p.isBackupDefaultFor(ProviderFormat.OPENAI)).isFalse();
  }

  // ---- configuration ----

  @Test
  void defaultsAndFromSettings() {
    assertThat(GoogleConfig.defaults().endpoint()).hasToString(GoogleConfig.DEFAULT_ENDPOINT);
    GoogleConfig fromEmpty = GoogleConfig.fromSettings(ProviderSettings.empty());
    assertThat(fromEmpty).isEqualTo(GoogleConfig.defaults());
    GoogleConfig custom =
        GoogleConfig.fromSettings(
            ProviderSettings.builder()
                .endpoint("https://proxy.example/gemini/v1beta/")
                .timeout(Duration.ofSeconds(5))
                .build());
    assertThat(custom.endpoint()).hasToString("https://proxy.example/gemini/v1beta/");
    assertThat(custom.timeout()).contains(Duration.ofSeconds(5));
    assertThat(custom.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(custom.toBuilder().build()).isEqualTo(custom);
  }

  @Test
  void invalidConfigurationIsATypedError() {
    assertThatThrownBy(() -> GoogleConfig.builder().endpoint("not a url").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("google endpoint");
    assertThatThrownBy(() -> GoogleConfig.builder().timeout(Duration.ZERO).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> new GoogleProvider(null)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void toStringHidesQueryAndUserInfo() {
    GoogleConfig config = GoogleConfig.builder().endpoint("https://user:pw@proxy.example/v1beta/?key=SECRET").build();
    assertThat(config.toString()).doesNotContain("SECRET").doesNotContain("pw").contains("proxy.example");
    assertThat(new GoogleProvider(config).toString()).doesNotContain("SECRET");
  }
}
