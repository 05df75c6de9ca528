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
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.translate.PayloadEdits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Ports of the Rust providers/azure.rs unit tests (same names in camel case), plus the URL, deployment,
 * configuration and auth-kind rules of spec 3.3. No server needed.
 */
class AzureProviderTest {
  private static final String ENDPOINT = "https://myorg.openai.azure.com/";

  private static AzureProvider makeProvider(ProviderSettings.Builder settings) {
    return new AzureProvider(AzureConfig.fromSettings(settings.endpoint(ENDPOINT).build()));
  }

  private static AzureProvider makeProvider() {
    return makeProvider(ProviderSettings.builder());
  }

  private static ProviderRequest request(ProviderFormat format, String model, String body, AuthConfig auth) {
    return ProviderRequest.builder()
        .payload(body.getBytes(StandardCharsets.UTF_8))
        .format(format)
        .spec(ModelSpec.builder(model, format, ModelFlavor.CHAT).build())
        .auth(auth)
        .build();
  }

  /** The headers the provider writes, by lower-case name; a later write of a name replaces an earlier one. */
  static Map<String, String> headers(AzureProvider provider, ProviderRequest request) {
    Map<String, String> out = new TreeMap<>();
    provider.headers(request).accept((name, value) -> out.put(name.toLowerCase(java.util.Locale.ROOT), value));
    return out;
  }

  private static JsonObject json(byte[] body) {
    return JsonTree.parseObject(body);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final AuthConfig API_KEY = AuthConfig.apiKey("test-key", "api-key", null);

  // ---- Rust providers/azure.rs (11) ----

  @Test
  void emptyDeploymentStringFallsBackToModelName() {
    AzureProvider provider = makeProvider(ProviderSettings.builder().metadata("deployment", ""));
    assertThat(provider.config().deployment()).isEmpty();
    assertThat(provider.requestUrl(ProviderFormat.OPENAI, "gpt-4o"))
        .hasToString(
            "https://myorg.openai.azure.com/openai/deployments/gpt-4o/chat/completions"
                + "?api-version=2024-12-01-preview");
  }

  @Test
  void explicitDeploymentOverridesModelName() {
    AzureProvider provider = makeProvider(ProviderSettings.builder().metadata("deployment", "my-deploy"));
    assertThat(provider.requestUrl(ProviderFormat.OPENAI, "gpt-4o"))
        .hasToString(
            "https://myorg.openai.azure.com/openai/deployments/my-deploy/chat/completions"
                + "?api-version=2024-12-01-preview");
  }

  @Test
  void resolvesResponsesUrl() {
    assertThat(makeProvider().requestUrl(ProviderFormat.RESPONSES, "gpt-5-pro"))
        .hasToString("https://myorg.openai.azure.com/openai/v1/responses");
  }

  @Test
  void responsesPayloadUsesExplicitDeploymentName() {
    AzureProvider provider = makeProvider(ProviderSettings.builder().metadata("deployment", "my-deploy"));
    byte[] payload =
        provider.preparePayload(
            utf8("{\"model\":\"gpt-5-pro\",\"input\":\"hi\"}"), "gpt-5-pro", ProviderFormat.RESPONSES);
    assertThat(json(payload).getString("model")).contains("my-deploy");
    assertThat(json(payload).getString("input")).contains("hi");
  }

  @Test
  void responsesPayloadFallsBackToModelName() {
    byte[] payload =
        makeProvider()
            .preparePayload(
                utf8("{\"model\":\"placeholder\",\"input\":\"hi\"}"), "gpt-4o", ProviderFormat.RESPONSES);
    assertThat(json(payload).getString("model")).contains("gpt-4o");
  }

  @Test
  void resolvesMessagesUrl() {
    assertThat(makeProvider().url(ProviderFormat.ANTHROPIC, "").toString())
        .isEqualTo("https://myorg.openai.azure.com/anthropic/v1/messages");
  }

  @Test
  void urlForFormatAnthropicReturnsMessagesUrl() {
    assertThat(makeProvider().requestUrl(ProviderFormat.ANTHROPIC, "claude-sonnet-4-6"))
        .hasToString("https://myorg.openai.azure.com/anthropic/v1/messages");
  }

  @Test
  void anthropicFormatUsesBearerAuth() {
    Map<String, String> h =
        headers(makeProvider(), request(ProviderFormat.ANTHROPIC, "claude-sonnet-4-6", "{}", API_KEY));
    assertThat(h).containsEntry("authorization", "Bearer test-key");
    assertThat(h).containsEntry("anthropic-version", "2023-06-01");
    assertThat(h).doesNotContainKey("api-key");
  }

  @Test
  void chatCompletionsFormatUsesApiKeyAuth() {
    Map<String, String> h = headers(makeProvider(), request(ProviderFormat.OPENAI, "gpt-4o", "{}", API_KEY));
    assertThat(h).containsEntry("api-key", "test-key");
    assertThat(h).doesNotContainKey("anthropic-version");
    assertThat(h).doesNotContainKey("authorization");
  }

  @Test
  void anthropicFormatPayloadPassesThrough() {
    byte[] payload = utf8("{\"model\":\"claude-sonnet-4-6\",\"messages\":[]}");
    byte[] result = makeProvider().preparePayload(payload, "claude-sonnet-4-6", ProviderFormat.ANTHROPIC);
    assertThat(result).isSameAs(payload);
  }

  @Test
  void responsesPayloadStripsStreamFieldsBeforePrepare() {
    byte[] payload =
        utf8("{\"model\":\"placeholder\",\"input\":\"hi\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    byte[] prepared =
        makeProvider().preparePayload(PayloadEdits.withoutStreamFields(payload), "gpt-4o", ProviderFormat.RESPONSES);
    JsonObject o = json(prepared);
    assertThat(o.getString("model")).contains("gpt-4o");
    assertThat(o.has("stream")).isFalse();
    assertThat(o.has("stream_options")).isFalse();
  }

  // ---- Spec 3.3 rules beyond the Rust tests ----

  @Test
  void idAndFormats() {
    Provider p = makeProvider();
    assertThat(p.id()).isEqualTo("azure");
    assertThat(p.formats()).containsExactly(ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
    assertThat(p.matchesProviderAlias("azure")).isTrue();
    assertThat(p.matchesProviderAlias("openai")).isFalse();
  }

  @Test
  void gpt35ModelNamesBecomeGpt35Deployments() {
    AzureProvider p = makeProvider();
    assertThat(p.deploymentFor("gpt-3.5-turbo")).isEqualTo("gpt-35-turbo");
    assertThat(p.requestUrl(ProviderFormat.OPENAI, "gpt-3.5-turbo-0125").getRawPath())
        .isEqualTo("/openai/deployments/gpt-35-turbo-0125/chat/completions");
    assertThat(p.deploymentFor("gpt-4.1")).isEqualTo("gpt-4.1");
    byte[] body =
        p.preparePayload(utf8("{\"model\":\"gpt-3.5-turbo\",\"input\":\"x\"}"), "gpt-3.5-turbo", ProviderFormat.RESPONSES);
    assertThat(json(body).getString("model")).contains("gpt-35-turbo");
  }

  @Test
  void aConfiguredDeploymentIsNotNormalized() {
    AzureProvider p = makeProvider(ProviderSettings.builder().metadata("deployment", "gpt-3.5-prod"));
    assertThat(p.deploymentFor("gpt-4o")).isEqualTo("gpt-3.5-prod");
  }

  @Test
  void anEmptyModelWithoutDeploymentIsAnInvalidRequest() {
    AzureProvider p = makeProvider();
    assertThatThrownBy(() -> p.requestUrl(ProviderFormat.OPENAI, ""))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("deployment");
    assertThatThrownBy(() -> p.preparePayload(utf8("{\"input\":\"x\"}"), "", ProviderFormat.RESPONSES))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("deployment");
    // Responses and Anthropic URLs need no deployment.
    assertThat(p.requestUrl(ProviderFormat.RESPONSES, "")).hasToString(ENDPOINT + "openai/v1/responses");
    assertThat(p.requestUrl(ProviderFormat.ANTHROPIC, "")).hasToString(ENDPOINT + "anthropic/v1/messages");
  }

  @Test
  void noNamedDeploymentLeavesTheDeploymentOutOfChatUrlsOnly() {
    AzureProvider p = makeProvider(ProviderSettings.builder().metadata("no_named_deployment", "true"));
    assertThat(p.config().noNamedDeployment()).isTrue();
    assertThat(p.requestUrl(ProviderFormat.OPENAI, ""))
        .hasToString(ENDPOINT + "openai/chat/completions?api-version=2024-12-01-preview");
    assertThat(p.requestUrl(ProviderFormat.RESPONSES, "gpt-4o")).hasToString(ENDPOINT + "openai/v1/responses");
    byte[] body = p.preparePayload(utf8("{\"model\":\"m\"}"), "gpt-4o", ProviderFormat.RESPONSES);
    assertThat(json(body).getString("model")).contains("gpt-4o");
  }

  @Test
  void noNamedDeploymentMustBeABoolean() {
    assertThatThrownBy(() -> makeProvider(ProviderSettings.builder().metadata("no_named_deployment", "yes")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no_named_deployment");
    assertThat(makeProvider(ProviderSettings.builder().metadata("no_named_deployment", "FALSE"))
            .config().noNamedDeployment())
        .isFalse();
  }

  @Test
  void apiVersionFromMetadataAndNotAddedWhenTheEndpointHasOne() {
    AzureProvider custom = makeProvider(ProviderSettings.builder().metadata("api_version", "2025-01-01"));
    assertThat(custom.requestUrl(ProviderFormat.OPENAI, "gpt-4o").getRawQuery()).isEqualTo("api-version=2025-01-01");

    AzureProvider withQuery =
        new AzureProvider(
            AzureConfig.builder().endpoint("https://myorg.openai.azure.com/?api-version=2023-05-15").build());
    assertThat(withQuery.requestUrl(ProviderFormat.OPENAI, "gpt-4o"))
        .hasToString(
            "https://myorg.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2023-05-15");
    // Responses never gets an api-version of its own; the endpoint's query is kept.
    assertThat(withQuery.requestUrl(ProviderFormat.RESPONSES, "gpt-4o"))
        .hasToString("https://myorg.openai.azure.com/openai/v1/responses?api-version=2023-05-15");
  }

  @Test
  void anEndpointWithoutTrailingSlashPushesButJoinReplacesTheLastSegment() {
    AzureProvider p = new AzureProvider(AzureConfig.builder().endpoint("https://proxy.example/azure").build());
    assertThat(p.requestUrl(ProviderFormat.OPENAI, "gpt-4o").getRawPath())
        .isEqualTo("/azure/openai/deployments/gpt-4o/chat/completions");
    assertThat(p.requestUrl(ProviderFormat.RESPONSES, "gpt-4o").getRawPath()).isEqualTo("/azure/openai/v1/responses");
    // RFC 3986 join, as in the Rust provider: the last segment of a base without trailing slash is replaced.
    assertThat(p.requestUrl(ProviderFormat.ANTHROPIC, "claude").getRawPath()).isEqualTo("/anthropic/v1/messages");
  }

  @Test
  void aDeploymentWithReservedCharactersStaysOneSegment() {
    AzureProvider p = makeProvider(ProviderSettings.builder().metadata("deployment", "team/a b"));
    assertThat(p.requestUrl(ProviderFormat.OPENAI, "x").getRawPath())
        .isEqualTo("/openai/deployments/team%2Fa%20b/chat/completions");
  }

  @Test
  void theResponsesModelEditKeepsEveryOtherByte() {
    String body = "{ \"input\" : \"hi\",\n  \"model\":\"gpt-5\", \"temperature\": 0.70, \"top_p\":1.0e0 }";
    byte[] out = makeProvider(ProviderSettings.builder().metadata("deployment", "prod-5"))
        .preparePayload(utf8(body), "gpt-5", ProviderFormat.RESPONSES);
    assertThat(new String(out, StandardCharsets.UTF_8))
        .isEqualTo("{ \"input\" : \"hi\",\n  \"model\":\"prod-5\", \"temperature\": 0.70, \"top_p\":1.0e0 }");
  }

  @Test
  void aResponsesBodyAlreadyNamingTheDeploymentIsSentAsIs() {
    byte[] body = utf8("{\"model\":\"gpt-4o\",\"input\":\"hi\"}");
    assertThat(makeProvider().preparePayload(body, "gpt-4o", ProviderFormat.RESPONSES)).isSameAs(body);
  }

  @Test
  void aResponsesBodyWithoutModelGetsOne() {
    byte[] out = makeProvider().preparePayload(utf8("{\"input\":\"hi\"}"), "gpt-4o", ProviderFormat.RESPONSES);
    JsonObject o = json(out);
    assertThat(o.getString("model")).contains("gpt-4o");
    assertThat(o.getString("input")).contains("hi");
  }

  @Test
  void aResponsesPayloadThatIsNotAJsonObjectIsRejected() {
    assertThatThrownBy(() -> makeProvider().preparePayload(utf8("[1,2]"), "gpt-4o", ProviderFormat.RESPONSES))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Azure Responses payload must be a JSON object");
    assertThatThrownBy(() -> makeProvider().preparePayload(utf8("not json"), "gpt-4o", ProviderFormat.RESPONSES))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void chatPayloadsPassThroughUntouched() {
    byte[] body = utf8("{\"model\":\"gpt-4o-catalog-name\",\"messages\":[]}");
    assertThat(makeProvider().preparePayload(body, "gpt-4o", ProviderFormat.OPENAI)).isSameAs(body);
  }

  @Test
  void anthropicWithNonKeyAuthAppliesItNormally() {
    Map<String, String> entra =
        headers(makeProvider(), request(ProviderFormat.ANTHROPIC, "claude", "{}", AuthConfig.azureEntra("aad-token")));
    assertThat(entra).containsEntry("authorization", "Bearer aad-token");
    assertThat(entra).containsEntry("anthropic-version", "2023-06-01");
    Map<String, String> custom =
        headers(makeProvider(),
            request(ProviderFormat.ANTHROPIC, "claude", "{}", AuthConfig.custom(Map.of("x-gw", "v"))));
    assertThat(custom).containsEntry("x-gw", "v").doesNotContainKey("authorization");
  }

  @Test
  void authIsWrittenAfterClientAndProviderHeaders() {
    ClientHeaders client =
        ClientHeaders.builder()
            .add("x-trace", "t-1")
            .addUserConfigured("authorization", "Bearer operator")
            .addUserConfigured("anthropic-version", "2099-01-01")
            .addUserConfigured("api-key", "operator-key")
            .build();
    ProviderRequest anthropic =
        request(ProviderFormat.ANTHROPIC, "claude", "{}", API_KEY).toBuilder().clientHeaders(client).build();
    Map<String, String> h = headers(makeProvider(), anthropic);
    assertThat(h).containsEntry("x-trace", "t-1");
    assertThat(h).containsEntry("content-type", "application/json");
    assertThat(h).containsEntry("anthropic-version", "2023-06-01");
    assertThat(h).containsEntry("authorization", "Bearer test-key");
    ProviderRequest chat = request(ProviderFormat.OPENAI, "gpt-4o", "{}", API_KEY).toBuilder().clientHeaders(client).build();
    assertThat(headers(makeProvider(), chat)).containsEntry("api-key", "test-key");
  }

  @Test
  void awsSigV4IsRejectedNamingTheAcceptedKinds() {
    AuthConfig aws = AuthConfig.AwsSigV4.of("AKIAEXAMPLEKEYID", "wJalrXUtnSECRETKEY", "us-east-1");
    assertThatThrownBy(() -> makeProvider().headers(request(ProviderFormat.OPENAI, "gpt-4o", "{}", aws)))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("'azure'")
        .hasMessageContaining("aws_signature_v4")
        .hasMessageContaining("api_key, o_auth, azure_entra, custom, refreshing_token")
        .hasMessageNotContaining("AKIAEXAMPLEKEYID")
        .hasMessageNotContaining("wJalrXUtnSECRETKEY");
  }

  @Test
  void formatsWithoutAnAzureEndpointAreRejectedByName() {
    assertThatThrownBy(() -> makeProvider().requestUrl(ProviderFormat.GOOGLE, "gemini-2.5-flash"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'google'")
        .hasMessageContaining("openai, responses, anthropic");
  }

  @Test
  void theEndpointIsRequired() {
    assertThatThrownBy(() -> AzureConfig.fromSettings(ProviderSettings.empty()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Azure requires endpoint");
    assertThatThrownBy(() -> AzureConfig.builder().endpoint("ftp://nope").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("azure endpoint");
  }

  @Test
  void configFromSettingsAndToString() {
    AzureConfig c =
        AzureConfig.fromSettings(
            ProviderSettings.builder()
                .endpoint("https://user:pw@myorg.openai.azure.com/?sig=SECRETSIG")
                .timeout(Duration.ofSeconds(5))
                .metadata("deployment", "d1")
                .metadata("api_version", "2024-10-21")
                .build());
    assertThat(c.deployment()).contains("d1");
    assertThat(c.apiVersion()).isEqualTo("2024-10-21");
    assertThat(c.timeout()).contains(Duration.ofSeconds(5));
    assertThat(c.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.toString()).contains("myorg.openai.azure.com").doesNotContain("SECRETSIG").doesNotContain("pw");
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(AzureConfig.builder().endpoint(ENDPOINT).build().apiVersion()).isEqualTo("2024-12-01-preview");
  }
}
