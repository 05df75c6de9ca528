package dev.llmrouter.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.Completion;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.RouterResult;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.providers.Loopback;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chat Completions clients routed through {@link Router#handle} to the Azure providers, with loopback
 * MockWebServers as Azure: the router's Azure rules (Anthropic models on {@code azure} use Anthropic
 * Messages, Responses-only models use Responses, {@code azure_ai_gateway} gets the catalog format) and the
 * translation of the replies back to Chat Completions.
 */
@Timeout(60)
class AzureRouterEndToEndTest {
  private static final String AZURE_KEY = "azure-SECRET-key";
  private static final String GATEWAY_KEY = "gateway-SECRET-key";
  private static final String CATALOG =
      "{"
          + "\"claude-sonnet-4-6\":{\"format\":\"anthropic\",\"flavor\":\"chat\",\"available_providers\":[\"azure\"]},"
          + "\"gpt-5-pro\":{\"format\":\"openai\",\"flavor\":\"chat\",\"available_providers\":[\"azure\"]},"
          + "\"gpt-4o\":{\"format\":\"openai\",\"flavor\":\"chat\",\"available_providers\":[\"azure\"]},"
          + "\"claude-via-gateway\":{\"model\":\"claude-haiku-4-5\",\"format\":\"anthropic\",\"flavor\":\"chat\","
          + "\"available_providers\":[\"azure_ai_gateway\"]}"
          + "}";
  private static final String ANTHROPIC_REPLY =
      "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-6\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Hello from Azure\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":9,\"output_tokens\":4}}";

  private MockWebServer azure;
  private MockWebServer gateway;
  private ConnectionPool pool;
  private Router router;

  @BeforeEach
  void setUp() throws IOException {
    azure = Loopback.startServer();
    gateway = Loopback.startServer();
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(pool).build();
    AzureProvider azureProvider =
        new AzureProvider(AzureConfig.builder().endpoint(azure.url("/").toString()).httpClient(client).build());
    AzureAiGatewayProvider gatewayProvider =
        new AzureAiGatewayProvider(
            AzureAiGatewayConfig.builder().endpoint(gateway.url("/default/models").toString()).httpClient(client).build());
    router =
        Router.builder()
            .catalog(ModelCatalog.parse(CATALOG))
            .addProvider("azure", azureProvider, AuthConfig.apiKey(AZURE_KEY, "api-key", null))
            .addProvider("azure_ai_gateway", gatewayProvider, AuthConfig.apiKey(GATEWAY_KEY, "api-key", null))
            .build();
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    azure.close();
    gateway.close();
  }

  private static byte[] chat(String model, String extra) {
    return ("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]" + extra + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject json(String text) {
    return JsonTree.parseObject(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAnthropicModelOnAzureGoesToMessagesAndComesBackAsAChatCompletion() throws Exception {
    azure.enqueue(new MockResponse.Builder().code(200).setHeader("content-type", "application/json")
        .body(ANTHROPIC_REPLY).build());

    RouterResult result = router.handle(chat("claude-sonnet-4-6", ""), ProviderFormat.OPENAI, ClientHeaders.empty());

    Completion completion = (Completion) result;
    assertThat(completion.metadata().providerAlias()).isEqualTo("azure");
    assertThat(completion.metadata().providerFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    JsonObject reply = json(completion.bodyUtf8());
    assertThat(reply.getString("object")).contains("chat.completion");
    assertThat(completion.bodyUtf8()).contains("Hello from Azure");

    RecordedRequest r = azure.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/anthropic/v1/messages");
    assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer " + AZURE_KEY);
    assertThat(r.getHeaders().get("api-key")).isNull();
    assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    JsonObject sent = json(r.getBody().utf8());
    assertThat(sent.getString("model")).contains("claude-sonnet-4-6");
    assertThat(sent.has("max_tokens")).isTrue();
    assertThat(sent.getArray("messages")).isPresent();
  }

  @Test
  void anAnthropicModelOnAzureStreamsBackAsChatChunks() throws Exception {
    String sse =
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-6\",\"content\":[],\"stop_reason\":null,"
            + "\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"lo\"}}\n\n"
            + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
            + "\"usage\":{\"output_tokens\":4}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    azure.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .chunkedBody(sse, 7)
            .throttleBody(11, 1, TimeUnit.MILLISECONDS)
            .build());

    RouterResult result =
        router.handle(chat("claude-sonnet-4-6", ",\"stream\":true"), ProviderFormat.OPENAI, ClientHeaders.empty());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ResponseStream stream = (ResponseStream) result) {
      stream.writeSseTo(out);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("chat.completion.chunk").contains("\"Hel\"").contains("\"lo\"");
    assertThat(text).contains("\"finish_reason\":\"stop\"");
    RecordedRequest r = azure.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/anthropic/v1/messages");
    assertThat(json(r.getBody().utf8()).getBoolean("stream")).contains(true);
  }

  @Test
  void aResponsesOnlyModelGoesToTheV1ResponsesApiWithItsDeploymentName() throws Exception {
    String reply =
        "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1,\"status\":\"completed\",\"model\":\"gpt-5-pro\","
            + "\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\"Pro answer\",\"annotations\":[]}]}],"
            + "\"usage\":{\"input_tokens\":5,\"output_tokens\":2,\"total_tokens\":7}}";
    azure.enqueue(new MockResponse.Builder().code(200).body(reply).build());

    Completion completion =
        (Completion) router.handle(chat("gpt-5-pro", ""), ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(completion.metadata().providerFormat()).isEqualTo(ProviderFormat.RESPONSES);
    assertThat(completion.bodyUtf8()).contains("Pro answer");
    assertThat(json(completion.bodyUtf8()).getString("object")).contains("chat.completion");
    RecordedRequest r = azure.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/openai/v1/responses");
    assertThat(r.getHeaders().get("api-key")).isEqualTo(AZURE_KEY);
    assertThat(json(r.getBody().utf8()).getString("model")).contains("gpt-5-pro");
  }

  @Test
  void aChatModelGoesToItsDeploymentUnchanged() throws Exception {
    String reply = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[]}";
    azure.enqueue(new MockResponse.Builder().code(200).body(reply).build());
    byte[] body = chat("gpt-4o", ",\"temperature\":0.70");

    Completion completion = (Completion) router.handle(body, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(completion.bodyUtf8()).isEqualTo(reply);
    RecordedRequest r = azure.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/openai/deployments/gpt-4o/chat/completions?api-version=2024-12-01-preview");
    assertThat(r.getBody().toByteArray()).isEqualTo(body);
  }

  @Test
  void theGatewayGetsTheCatalogFormatWithItsOwnKeyHeader() throws Exception {
    gateway.enqueue(new MockResponse.Builder().code(200).body(ANTHROPIC_REPLY).build());

    Completion completion =
        (Completion) router.handle(chat("claude-via-gateway", ""), ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(completion.metadata().providerAlias()).isEqualTo("azure_ai_gateway");
    assertThat(completion.metadata().providerFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(completion.bodyUtf8()).contains("Hello from Azure");
    RecordedRequest r = gateway.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/default/models/anthropic/v1/messages");
    assertThat(r.getHeaders().get("api-key")).isEqualTo(GATEWAY_KEY);
    assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(json(r.getBody().utf8()).getString("model")).contains("claude-haiku-4-5");
  }
}
