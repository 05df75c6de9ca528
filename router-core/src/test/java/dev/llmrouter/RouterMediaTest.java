package dev.llmrouter;

import static dev.llmrouter.testing.Fixtures.auth;
import static dev.llmrouter.testing.Fixtures.bytes;
import static dev.llmrouter.testing.Fixtures.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.media.FetchedMedia;
import dev.llmrouter.media.MediaFetchException;
import dev.llmrouter.testing.Fixtures;
import dev.llmrouter.testing.JsonProbe;
import dev.llmrouter.testing.NativeReplies;
import dev.llmrouter.testing.StubProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Remote media through {@link Router}: the builder's fetcher inlines URLs for Gemini, or the request fails. */
class RouterMediaTest {
  private static final String GEMINI = "gemini-2.5-flash";
  private static final byte[] IMAGE_REQUEST =
      bytes("{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":["
          + "{\"type\":\"text\",\"text\":\"What is this?\"},"
          + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://images.example/cat.png?sig=SECRET\"}}]}]}");

  private static StubProvider google() {
    return StubProvider.builder("google")
        .formats(ProviderFormat.GOOGLE)
        .responseFor(ProviderFormat.GOOGLE, NativeReplies.googleResponse(GEMINI, "A cat."))
        .build();
  }

  private static RouterBuilder builder(StubProvider google) {
    return Router.builder()
        .catalog(catalog(GEMINI, Fixtures.googleSpec(GEMINI)))
        .addProvider("google", google, auth(), ProviderFormat.GOOGLE);
  }

  @Test
  void theBuildersFetcherInlinesAChatImageUrlForGemini() {
    List<URI> fetched = new CopyOnWriteArrayList<>();
    StubProvider google = google();
    Router router =
        builder(google)
            .mediaFetcher(
                (url, kind) -> {
                  fetched.add(url);
                  return FetchedMedia.of("png".getBytes(StandardCharsets.US_ASCII), "image/png");
                })
            .build();

    Completion c = router.complete(IMAGE_REQUEST, GEMINI, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(fetched).containsExactly(URI.create("https://images.example/cat.png?sig=SECRET"));
    byte[] sent = google.onlyCall().payload();
    assertThat(JsonProbe.text(sent, "contents", 0, "parts", 1, "inlineData", "mimeType")).isEqualTo("image/png");
    assertThat(JsonProbe.text(sent, "contents", 0, "parts", 1, "inlineData", "data")).isEqualTo("cG5n");
    assertThat(JsonProbe.text(c.body(), "choices", 0, "message", "content")).isEqualTo("A cat.");
  }

  @Test
  void withoutAFetcherTheRequestFailsBeforeAnyCallAndHidesTheQuery() {
    StubProvider google = google();
    Router router = builder(google).noMediaFetching().build();

    assertThatThrownBy(
            () -> router.complete(IMAGE_REQUEST, GEMINI, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(MediaFetchException.class)
        .hasMessageContaining("images.example/cat.png")
        .hasMessageNotContaining("SECRET");
    assertThat(google.calls()).isEmpty();
  }
}
