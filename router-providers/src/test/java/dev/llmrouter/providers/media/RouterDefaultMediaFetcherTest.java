package dev.llmrouter.providers.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.Router;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.media.MediaFetchException;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.google.GoogleConfig;
import dev.llmrouter.providers.google.GoogleProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With router-providers on the classpath, a {@link Router} built without a media fetcher uses the
 * SSRF-guarded {@link HttpMediaFetcher} (found through ServiceLoader): a media URL on loopback is refused
 * before anything is fetched or sent to the provider.
 */
@Timeout(60)
class RouterDefaultMediaFetcherTest {

  @Test
  void theDefaultFetcherIsTheGuardedOneAndRefusesLoopbackMedia() throws Exception {
    try (MockWebServer gemini = Loopback.startServer();
        MockWebServer media = Loopback.startServer()) {
      Router router =
          Router.builder()
              .catalog(ModelCatalog.parse("{\"gemini-2.5-flash\":{\"format\":\"google\",\"flavor\":\"chat\"}}"))
              .addProvider(
                  "google",
                  new GoogleProvider(
                      GoogleConfig.builder()
                          .endpoint(gemini.url("/v1beta/").toString())
                          .timeout(Duration.ofSeconds(20))
                          .build()),
                  AuthConfig.apiKey("AIza-test-key", "x-goog-api-key", null))
              .build();
      byte[] body =
          ("{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":["
                  + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + media.url("/cat.png") + "\"}}]}]}")
              .getBytes(StandardCharsets.UTF_8);

      assertThatThrownBy(
              () -> router.complete(body, "gemini-2.5-flash", ProviderFormat.OPENAI, ClientHeaders.empty()))
          .isInstanceOfSatisfying(
              MediaFetchException.class,
              e -> assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.BLOCKED_ADDRESS));
      assertThat(media.getRequestCount()).isZero();
      assertThat(gemini.getRequestCount()).isZero();
    }
  }
}
