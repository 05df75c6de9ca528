package dev.llmrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.Completion;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.media.FetchedMedia;
import dev.llmrouter.media.MediaKind;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.providers.anthropic.AnthropicConfig;
import dev.llmrouter.providers.anthropic.AnthropicProvider;
import dev.llmrouter.providers.bedrock.BedrockConfig;
import dev.llmrouter.providers.bedrock.BedrockProvider;
import dev.llmrouter.providers.bedrock.EventStreamFrames;
import dev.llmrouter.providers.google.GoogleConfig;
import dev.llmrouter.providers.google.GoogleProvider;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import dev.llmrouter.providers.vertex.VertexConfig;
import dev.llmrouter.providers.vertex.VertexProvider;
import dev.llmrouter.stream.SseFraming;
import dev.llmrouter.stream.StreamChunk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A Chat Completions client routed to each native provider over real HTTP (MockWebServer on 127.0.0.1),
 * with the upstream answering exactly what lingua's corpus captured from the real vendor: the reply
 * must come back as lingua's golden Chat translation. Complete replies for Anthropic, Gemini, Bedrock
 * Converse and OpenAI Responses; streams for the same plus Vertex Anthropic (whose captured "stream" is
 * one complete body, which the router synthesizes into chunks).
 */
class CrossProviderConformanceTest {
  private static final String KEY = "cross-provider-test-key";

  private static Path corpus() {
    String dir = System.getProperty("conformance.dir");
    return Path.of(dir == null ? "../../shared/conformance/dev" : dir);
  }

  /** The upstream format behind each pair label, and how the mock answers a stream. */
  private enum Upstream {
    ANTHROPIC("chat-completions_to_anthropic", ProviderFormat.ANTHROPIC),
    GOOGLE("chat-completions_to_google", ProviderFormat.GOOGLE),
    CONVERSE("chat-completions_to_bedrock", ProviderFormat.CONVERSE),
    RESPONSES("chat-completions_to_responses", ProviderFormat.RESPONSES),
    VERTEX_ANTHROPIC("chat-completions_to_vertex-anthropic", ProviderFormat.VERTEX_ANTHROPIC);

    final String pair;
    final ProviderFormat format;

    Upstream(String pair, ProviderFormat format) {
      this.pair = pair;
      this.format = format;
    }
  }

  @TestFactory
  Stream<DynamicNode> chatClientsGetLinguasTranslationOfRealProviderReplies() throws IOException {
    Path dir = corpus();
    if (!Files.isDirectory(dir)) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("conformance corpus missing at " + dir.toAbsolutePath());
      }
      Assumptions.abort("conformance corpus not found at " + dir.toAbsolutePath());
    }
    List<DynamicNode> nodes = new ArrayList<>();
    for (Upstream up : Upstream.values()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (String kind : new String[] {"response", "stream"}) {
        Path kindDir = dir.resolve(kind).resolve(up.pair);
        if (!Files.isDirectory(kindDir)) {
          continue;
        }
        try (Stream<Path> files = Files.list(kindDir)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
            JsonObject vector = JsonTree.parseObject(Files.readAllBytes(f));
            String name = kind + "/" + up.pair + "/" + f.getFileName();
            tests.add(DynamicTest.dynamicTest(name, () -> {
              if (kind.equals("response")) {
                checkResponse(up, vector, dir);
              } else {
                checkStream(up, vector, dir);
              }
            }));
          }
        }
      }
      nodes.add(DynamicContainer.dynamicContainer(up.name(), tests));
    }
    return nodes.stream();
  }

  /** The model the upstream serves, and the Chat request the client sends (from the request vector). */
  private record Call(String model, byte[] body) {}

  private static Call call(Upstream up, JsonObject vector, Path dir) throws IOException {
    Path request = dir.resolve("request").resolve(up.pair).resolve(vector.getString("case").orElseThrow() + ".json");
    String model = up == Upstream.VERTEX_ANTHROPIC ? "publishers/anthropic/models/claude-haiku-4-5" : "test-model";
    JsonObject body = JsonObject.builder()
        .put("model", model)
        .put("messages", JsonTree.parse("[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]"))
        .build();
    if (Files.exists(request)) {
      JsonObject input = JsonTree.parseObject(Files.readAllBytes(request)).getObject("input").orElseThrow();
      body = input.with("model", JsonString.of(model));
      model = vector.getString("targetModel").orElse(model);
    }
    return new Call(model, JsonTree.write(body.with("model", JsonString.of(model))));
  }

  private static void checkResponse(Upstream up, JsonObject vector, Path dir) throws IOException {
    try (MockWebServer server = server()) {
      server.enqueue(new MockResponse.Builder().code(200).setHeader("content-type", "application/json")
          .body(JsonTree.writeString(vector.get("input").orElseThrow())).build());
      Call call = call(up, vector, dir);
      Router router = router(up, server, call.model());
      Completion c = router.complete(call.body(), call.model(), ProviderFormat.OPENAI, null);

      JsonObject expected = vector.getObject("expected").orElseThrow();
      JsonObject produced = JsonTree.parseObject(c.body());
      if ("transformed".equals(expected.getString("model").orElse(null))) {
        // Converse replies carry no model: the router replaces lingua's placeholder with the route's.
        assertThat(produced.getString("model")).contains(call.model());
        produced = produced.with("model", JsonString.of("transformed"));
      }
      assertThat(JsonTree.canonicalEquals(produced, expected))
          .as("produced %s%nexpected %s", produced, expected).isTrue();
      assertThat(c.metadata().providerFormat()).isEqualTo(up.format == ProviderFormat.VERTEX_ANTHROPIC
          ? ProviderFormat.VERTEX_ANTHROPIC : up.format);
    }
  }

  private static void checkStream(Upstream up, JsonObject vector, Path dir) throws IOException {
    JsonArray events = vector.getArray("input").orElseThrow();
    try (MockWebServer server = server()) {
      server.enqueue(streamReply(up, events));
      Call call = call(up, vector, dir);
      Router router = router(up, server, call.model());
      List<JsonValue> produced = new ArrayList<>();
      try (ResponseStream stream = router.completeStream(call.body(), call.model(), ProviderFormat.OPENAI, null)) {
        ByteArrayOutputStream sse = new ByteArrayOutputStream();
        for (StreamChunk chunk : stream) {
          SseFraming.writeTo(sse, chunk, ProviderFormat.OPENAI);
          produced.add(JsonTree.parse(chunk.data()));
        }
      }
      List<JsonValue> expected = new ArrayList<>();
      for (JsonValue e : vector.getArray("expected").orElseThrow()) {
        JsonValue data = e.asObject().orElseThrow().get("data").orElseThrow();
        if (!data.equals(JsonString.of("[DONE]"))) {
          expected.add(data);
        }
      }
      // The router shapes Chat chunks for the official SDKs (every chunk has id, created and model; usage
      // comes once, last; one choice for single-choice upstreams), so lingua's golden is compared by content:
      // headers set aside, usage compared as the stream's last usage, choice indexes as the router numbers them.
      assertSdkShaped(withoutNoOps(produced));
      boolean singleChoice = up.format.isAnthropicFamily() || up.format == ProviderFormat.CONVERSE;
      List<JsonValue> a = content(withoutNoOps(produced), singleChoice);
      List<JsonValue> b = content(withoutNoOps(expected), singleChoice);
      assertThat(a).hasSameSizeAs(b);
      for (int i = 0; i < a.size(); i++) {
        assertThat(JsonTree.canonicalEquals(a.get(i), b.get(i)))
            .as("event %d%nproduced %s%nexpected %s", i, a.get(i), b.get(i)).isTrue();
      }
      Optional<JsonValue> producedUsage = lastUsage(produced);
      Optional<JsonValue> expectedUsage = lastUsage(expected);
      assertThat(producedUsage.isPresent()).isEqualTo(expectedUsage.isPresent());
      producedUsage.ifPresent(u -> assertThat(JsonTree.canonicalEquals(u, expectedUsage.get()))
          .as("usage %s%nexpected %s", u, expectedUsage.get()).isTrue());
    }
  }

  /** Every chunk names the stream's one id, a created time and a model; only the last one carries usage. */
  private static void assertSdkShaped(List<JsonValue> chunks) {
    String id = null;
    for (int i = 0; i < chunks.size(); i++) {
      JsonObject o = chunks.get(i).asObject().orElseThrow();
      if (o.has("error")) {
        continue;
      }
      assertThat(o.getString("id")).as("chunk %d has an id: %s", i, o).isPresent();
      assertThat(o.getLong("created")).as("chunk %d has created: %s", i, o).isPresent();
      assertThat(o.getString("model")).as("chunk %d has a model: %s", i, o).isPresent();
      if (id == null) {
        id = o.getString("id").get();
      }
      assertThat(o.getString("id")).contains(id);
      if (i < chunks.size() - 1) {
        assertThat(o.has("usage")).as("usage only on the last chunk: %s", o).isFalse();
      }
    }
  }

  /** The chunks without their headers and usage (and without what is left empty), indexes as shaped. */
  private static List<JsonValue> content(List<JsonValue> chunks, boolean singleChoice) {
    List<JsonValue> out = new ArrayList<>();
    for (JsonValue v : chunks) {
      JsonObject o = v.asObject().orElse(null);
      if (o == null || o.has("error")) {
        out.add(v);
        continue;
      }
      JsonObject.Builder b = JsonObject.builder();
      for (String k : o.keys()) {
        if (k.equals("id") || k.equals("object") || k.equals("created") || k.equals("model") || k.equals("usage")) {
          continue;
        }
        JsonValue value = o.getOrNull(k);
        if (k.equals("choices") && singleChoice) {
          List<JsonValue> choices = new ArrayList<>();
          for (JsonValue c : value.asArray().orElseThrow().values()) {
            JsonObject choice = c.asObject().orElseThrow();
            choices.add(choice.has("index") ? choice.with("index", JsonNumber.of(0)) : choice);
          }
          value = JsonArray.of(choices);
        }
        b.put(k, value);
      }
      JsonObject rest = b.build();
      if (!rest.getArray("choices").map(JsonArray::isEmpty).orElse(false) || rest.size() > 1) {
        out.add(rest);
      }
    }
    return out;
  }

  private static Optional<JsonValue> lastUsage(List<JsonValue> chunks) {
    Optional<JsonValue> usage = Optional.empty();
    for (JsonValue v : chunks) {
      Optional<JsonValue> u = v.asObject().flatMap(o -> o.getNonNull("usage"));
      if (u.isPresent()) {
        usage = u;
      }
    }
    return usage;
  }

  /** Chat chunks with no choices and no usage carry nothing (the corpus's no-op rule). */
  private static List<JsonValue> withoutNoOps(List<JsonValue> events) {
    List<JsonValue> out = new ArrayList<>();
    for (JsonValue v : events) {
      JsonObject o = v.asObject().orElse(null);
      boolean noOp = o != null && o.getArray("choices").map(JsonArray::isEmpty).orElse(false)
          && o.getNonNull("usage").isEmpty();
      if (!noOp) {
        out.add(v);
      }
    }
    return out;
  }

  /** The captured upstream events as the vendor sends them: SSE, or AWS event-stream frames for Converse. */
  private static MockResponse streamReply(Upstream up, JsonArray events) {
    if (up == Upstream.CONVERSE) {
      List<byte[]> frames = new ArrayList<>();
      for (JsonValue e : events) {
        JsonObject o = e.asObject().orElseThrow();
        String type = o.keys().iterator().next();
        frames.add(EventStreamFrames.event(type, JsonTree.writeString(o.getOrNull(type))));
      }
      Buffer body = new Buffer().write(EventStreamFrames.concat(frames.toArray(new byte[0][])));
      return new MockResponse.Builder().code(200)
          .setHeader("content-type", "application/vnd.amazon.eventstream").body(body).build();
    }
    StringBuilder sse = new StringBuilder();
    for (JsonValue e : events) {
      String json = JsonTree.writeString(e);
      if (up == Upstream.VERTEX_ANTHROPIC) {
        sse.append(json).append('\n'); // streamRawPredict may answer raw JSON lines
        continue;
      }
      Optional<String> type = e.asObject().flatMap(o -> o.getString("type"));
      if (up != Upstream.GOOGLE && type.isPresent()) {
        sse.append("event: ").append(type.get()).append('\n');
      }
      sse.append("data: ").append(json).append("\n\n");
    }
    return new MockResponse.Builder().code(200).setHeader("content-type", "text/event-stream")
        .body(sse.toString()).build();
  }

  private static MockWebServer server() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    return server;
  }

  private static Router router(Upstream up, MockWebServer server, String model) {
    String base = server.url("/").toString();
    Provider provider;
    AuthConfig auth;
    String alias;
    String format;
    String extra = "";
    switch (up) {
      case ANTHROPIC:
        provider = new AnthropicProvider(AnthropicConfig.builder().endpoint(base + "v1/").build());
        auth = AuthConfig.apiKey(KEY, "x-api-key", null);
        alias = "anthropic";
        format = "anthropic";
        break;
      case GOOGLE:
        provider = new GoogleProvider(GoogleConfig.builder().endpoint(base + "v1beta/").build());
        auth = AuthConfig.apiKey(KEY, "x-goog-api-key", null);
        alias = "google";
        format = "google";
        break;
      case CONVERSE:
        provider = new BedrockProvider(BedrockConfig.builder().endpoint(base).region("us-east-1").build());
        auth = AuthConfig.AwsSigV4.of("AKIATESTTESTTESTTEST", "secret/test/key", "us-east-1");
        alias = "bedrock";
        format = "converse";
        break;
      case RESPONSES:
        provider = new OpenAIProvider(OpenAIConfig.builder().endpoint(base + "v1").build());
        auth = AuthConfig.bearer(KEY);
        alias = "openai";
        format = "openai";
        extra = ",\"flavor\":\"responses\"";
        break;
      default:
        provider = new VertexProvider(VertexConfig.builder().project("p").apiBase(base).build());
        auth = AuthConfig.oauth("ya29.test");
        alias = "vertex";
        format = "anthropic";
        break;
    }
    String catalog = "{" + JsonTree.writeString(JsonString.of(model)) + ":{\"format\":\"" + format + "\""
        + (extra.isEmpty() ? ",\"flavor\":\"chat\"" : extra) + ",\"available_providers\":[\"" + alias + "\"]}}";
    return Router.builder()
        .catalog(ModelCatalog.parse(catalog))
        .addProvider(alias, provider, auth)
        .mediaFetcher(CrossProviderConformanceTest::offlineMedia)
        .build();
  }

  /**
   * Stands in for the media fetcher: some vectors carry public image and audio URLs that Gemini and
   * Bedrock need inline, and tests never reach the internet. The replies under test do not depend on it.
   */
  private static FetchedMedia offlineMedia(URI url, MediaKind kind) {
    String path = url.getPath().toLowerCase(java.util.Locale.ROOT);
    String type =
        path.endsWith(".png") ? "image/png"
            : path.endsWith(".mp3") ? "audio/mpeg"
            : path.endsWith(".pdf") ? "application/pdf"
            : "image/jpeg";
    return FetchedMedia.of(new byte[] {1, 2, 3}, type);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
