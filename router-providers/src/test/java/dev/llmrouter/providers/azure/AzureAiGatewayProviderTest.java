package dev.llmrouter.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.providers.ProviderSettings;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Ports of the Rust providers/azure_ai_gateway.rs unit tests, plus the rules of spec 3.4. No server needed. */
class AzureAiGatewayProviderTest {
  private static AzureAiGatewayProvider provider() {
    return new AzureAiGatewayProvider(
        AzureAiGatewayConfig.fromSettings(
            ProviderSettings.builder().endpoint("https://gateway.example/default/models").build()));
  }

  private static ProviderRequest request(ProviderFormat format, AuthConfig auth, ClientHeaders headers) {
    return ProviderRequest.builder()
        .payload("{}".getBytes(StandardCharsets.UTF_8))
        .format(format)
        .spec(ModelSpec.builder("claude-sonnet-4-6", format, ModelFlavor.CHAT).build())
        .auth(auth)
        .clientHeaders(headers)
        .build();
  }

  private static Map<String, String> headers(AzureAiGatewayProvider p, ProviderRequest r) {
    Map<String, String> out = new TreeMap<>();
    p.headers(r).accept((name, value) -> out.put(name.toLowerCase(Locale.ROOT), value));
    return out;
  }

  // ---- Rust providers/azure_ai_gateway.rs (2) ----

  @Test
  void resolvesAllGatewayRoutes() {
    AzureAiGatewayProvider p = provider();
    assertThat(p.requestUrl(ProviderFormat.OPENAI))
        .hasToString("https://gateway.example/default/models/openai/v1/chat/completions");
    assertThat(p.requestUrl(ProviderFormat.RESPONSES))
        .hasToString("https://gateway.example/default/models/openai/v1/responses");
    assertThat(p.requestUrl(ProviderFormat.ANTHROPIC))
        .hasToString("https://gateway.example/default/models/anthropic/v1/messages");
  }

  @Test
  void usesApiKeyForAnthropicRequests() {
    AuthConfig auth = AuthConfig.apiKey("runtime-key", "api-key", null);
    Map<String, String> h = headers(provider(), request(ProviderFormat.ANTHROPIC, auth, ClientHeaders.empty()));
    assertThat(h).containsEntry("api-key", "runtime-key");
    assertThat(h).containsEntry("anthropic-version", "2023-06-01");
    assertThat(h).doesNotContainKey("authorization");
  }

  // ---- Spec 3.4 rules beyond the Rust tests ----

  @Test
  void idAndFormats() {
    AzureAiGatewayProvider p = provider();
    assertThat(p.id()).isEqualTo("azure_ai_gateway");
    assertThat(p.formats())
        .containsExactly(ProviderFormat.OPENAI, ProviderFormat.RESPONSES, ProviderFormat.ANTHROPIC);
    assertThat(p.matchesProviderAlias("azure_ai_gateway")).isTrue();
    assertThat(p.matchesProviderAlias("azure")).isFalse();
  }

  @Test
  void aTrailingSlashOnTheEndpointIsNotDoubled() {
    AzureAiGatewayProvider p =
        new AzureAiGatewayProvider(AzureAiGatewayConfig.builder().endpoint("https://gw.example/base/").build());
    assertThat(p.requestUrl(ProviderFormat.OPENAI)).hasToString("https://gw.example/base/openai/v1/chat/completions");
  }

  @Test
  void nonAnthropicFormatsGetNoVersionHeaderAndAuthWinsOverOperatorHeaders() {
    ClientHeaders client =
        ClientHeaders.builder().add("x-trace", "t").addUserConfigured("api-key", "operator-key").build();
    AuthConfig auth = AuthConfig.apiKey("runtime-key", "api-key", null);
    Map<String, String> h = headers(provider(), request(ProviderFormat.OPENAI, auth, client));
    assertThat(h).containsEntry("api-key", "runtime-key");
    assertThat(h).containsEntry("x-trace", "t");
    assertThat(h).containsEntry("content-type", "application/json");
    assertThat(h).doesNotContainKey("anthropic-version");
  }

  @Test
  void bearerAndEntraAuthAreAppliedAsConfigured() {
    Map<String, String> h =
        headers(provider(), request(ProviderFormat.ANTHROPIC, AuthConfig.azureEntra("aad"), ClientHeaders.empty()));
    assertThat(h).containsEntry("authorization", "Bearer aad");
    assertThat(h).containsEntry("anthropic-version", "2023-06-01");
  }

  @Test
  void unservedFormatsAndWrongAuthKindsAreRejected() {
    assertThatThrownBy(() -> provider().requestUrl(ProviderFormat.CONVERSE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'converse'")
        .hasMessageContaining("openai, responses, anthropic");
    AuthConfig aws = AuthConfig.AwsSigV4.of("AKIAEXAMPLEKEYID", "wJalrXUtnSECRETKEY", "us-east-1");
    assertThatThrownBy(() -> provider().headers(request(ProviderFormat.OPENAI, aws, ClientHeaders.empty())))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("'azure_ai_gateway'")
        .hasMessageContaining("api_key, o_auth, azure_entra, custom, refreshing_token")
        .hasMessageNotContaining("wJalrXUtnSECRETKEY");
  }

  @Test
  void theEndpointIsRequired() {
    assertThatThrownBy(() -> AzureAiGatewayConfig.fromSettings(ProviderSettings.empty()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Azure AI Gateway requires endpoint");
  }

  @Test
  void configToStringHidesQueryAndUserInfo() {
    AzureAiGatewayConfig c =
        AzureAiGatewayConfig.builder().endpoint("https://u:pw@gw.example/x?subscription-key=SECRETSUB").build();
    assertThat(c.toString()).contains("gw.example").doesNotContain("SECRETSUB").doesNotContain("pw");
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }
}
