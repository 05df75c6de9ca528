package dev.llmrouter.providers.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.llmrouter.media.FetchedMedia;
import dev.llmrouter.media.MediaFetchException;
import dev.llmrouter.media.MediaFetchException.Reason;
import dev.llmrouter.media.MediaKind;
import dev.llmrouter.providers.Loopback;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The default fetcher against MockWebServer on 127.0.0.1: guard, redirects, size cap, content type. */
@Timeout(60)
class HttpMediaFetcherTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Loopback.startServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  /** The guard opened for loopback only, as a test against MockWebServer needs. */
  private static HttpMediaFetcher.Builder loopbackAllowed() {
    return HttpMediaFetcher.builder().allowAddresses(InetAddress::isLoopbackAddress);
  }

  private static MockResponse image(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").body(body).build();
  }

  private static MockResponse redirect(String location) {
    return new MockResponse.Builder().code(302).setHeader("Location", location).build();
  }

  private static Reason reasonOf(Runnable call) {
    MediaFetchException e = catchThrowableOfType(call::run, MediaFetchException.class);
    assertThat(e).as("expected a MediaFetchException").isNotNull();
    return e.reason();
  }

  @Test
  void loopbackIsRefusedByDefaultBeforeAnyRequest() {
    server.enqueue(image("png"));
    HttpMediaFetcher fetcher = HttpMediaFetcher.create();
    assertThatThrownBy(() -> fetcher.fetch(url("/a.png"), MediaKind.IMAGE))
        .isInstanceOfSatisfying(MediaFetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BLOCKED_ADDRESS))
        .hasMessageContaining("blocked address");
    assertThat(server.getRequestCount()).isZero();
    assertThat(reasonOf(() -> fetcher.fetch(URI.create("http://localhost:" + server.getPort() + "/a.png"), MediaKind.IMAGE)))
        .isEqualTo(Reason.BLOCKED_ADDRESS);
    assertThat(reasonOf(() -> fetcher.fetch(URI.create("http://[::ffff:127.0.0.1]:" + server.getPort() + "/"), MediaKind.IMAGE)))
        .isEqualTo(Reason.BLOCKED_ADDRESS);
    assertThat(reasonOf(() -> fetcher.fetch(URI.create("http://169.254.169.254/latest/meta-data"), MediaKind.IMAGE)))
        .isEqualTo(Reason.BLOCKED_ADDRESS);
    assertThat(reasonOf(() -> fetcher.fetch(URI.create("http://metadata.google.internal/computeMetadata/v1"), MediaKind.IMAGE)))
        .isEqualTo(Reason.BLOCKED_ADDRESS);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aNameResolvingToAPrivateAddressIsRefusedAfterResolution() {
    List<String> lookups = new CopyOnWriteArrayList<>();
    HttpMediaFetcher fetcher =
        HttpMediaFetcher.builder()
            .dns(
                host -> {
                  lookups.add(host);
                  return List.of(InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3}));
                })
            .build();
    MediaFetchException e =
        catchThrowableOfType(
            () -> fetcher.fetch(URI.create("http://images.example.test/a.png"), MediaKind.IMAGE),
            MediaFetchException.class);
    assertThat(e.reason()).isEqualTo(Reason.BLOCKED_ADDRESS);
    assertThat(e.getMessage()).contains("10.1.2.3");
    assertThat(lookups).containsExactly("images.example.test");
  }

  @Test
  void aNameResolvingToAMixOfPublicAndPrivateAddressesIsRefused() {
    HttpMediaFetcher fetcher =
        HttpMediaFetcher.builder()
            .dns(host -> List.of(
                InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
                InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})))
            .build();
    assertThat(reasonOf(() -> fetcher.fetch(URI.create("http://rebind.example.test/a.png"), MediaKind.IMAGE)))
        .isEqualTo(Reason.BLOCKED_ADDRESS);
  }

  @Test
  void fetchesAnImageWhenTheGuardIsOpenedForLoopback() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(200).setHeader("Content-Type", "Image/PNG; charset=binary").body("png").build());
    FetchedMedia media = loopbackAllowed().build().fetch(url("/a.png"), MediaKind.IMAGE);
    assertThat(media.mediaType()).isEqualTo("image/png");
    assertThat(new String(media.bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("png");
    assertThat(server.takeRequest().getHeaders().get("Accept")).isEqualTo("image/*");
  }

  @Test
  void aRedirectToAPrivateAddressIsRefused() {
    server.enqueue(redirect("http://192.168.0.10/private.png"));
    server.enqueue(redirect("http://internal.example.test/private.png"));
    List<String> lookups = new CopyOnWriteArrayList<>();
    HttpMediaFetcher fetcher =
        loopbackAllowed()
            .dns(host -> {
              lookups.add(host);
              return List.of(InetAddress.getByAddress(host, new byte[] {(byte) 172, 16, 0, 5}));
            })
            .build();
    assertThat(reasonOf(() -> fetcher.fetch(url("/a.png"), MediaKind.IMAGE))).isEqualTo(Reason.BLOCKED_ADDRESS);
    assertThat(reasonOf(() -> fetcher.fetch(url("/b.png"), MediaKind.IMAGE))).isEqualTo(Reason.BLOCKED_ADDRESS);
    assertThat(lookups).containsExactly("internal.example.test");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRedirectToAnotherLoopbackAddressThanTheOneAllowedIsRefused() throws IOException {
    InetAddress only = Loopback.address();
    HttpMediaFetcher fetcher = HttpMediaFetcher.builder().allowAddresses(only::equals).build();
    server.enqueue(redirect("http://127.0.0.2:" + server.getPort() + "/x.png"));
    server.enqueue(image("never"));
    assertThat(reasonOf(() -> fetcher.fetch(url("/a.png"), MediaKind.IMAGE))).isEqualTo(Reason.BLOCKED_ADDRESS);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void redirectsAreFollowedUpToTheLimitAndNoFurther() {
    HttpMediaFetcher fetcher = loopbackAllowed().build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(redirect("/hop" + i));
    }
    server.enqueue(image("ok"));
    assertThat(fetcher.fetch(url("/start"), MediaKind.IMAGE).size()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(4);

    for (int i = 0; i < 4; i++) {
      server.enqueue(redirect("/again" + i));
    }
    server.enqueue(image("never"));
    MediaFetchException e =
        catchThrowableOfType(() -> fetcher.fetch(url("/start"), MediaKind.IMAGE), MediaFetchException.class);
    assertThat(e.reason()).isEqualTo(Reason.REDIRECT);
    assertThat(e.getMessage()).contains("redirect limit (3)");
    assertThat(server.getRequestCount()).isEqualTo(8); // 4 + the first request and 3 followed redirects
  }

  @Test
  void aRedirectToAnotherSchemeIsRefused() {
    server.enqueue(redirect("file:///etc/passwd"));
    server.enqueue(new MockResponse.Builder().code(301).build());
    HttpMediaFetcher fetcher = loopbackAllowed().build();
    assertThat(reasonOf(() -> fetcher.fetch(url("/a"), MediaKind.IMAGE))).isEqualTo(Reason.REDIRECT);
    assertThat(reasonOf(() -> fetcher.fetch(url("/b"), MediaKind.IMAGE))).isEqualTo(Reason.REDIRECT);
  }

  @Test
  void theDefaultCapIsFiveMebibytes() {
    HttpMediaFetcher fetcher = loopbackAllowed().build();
    assertThat(fetcher.maxBytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(fetcher.maxRedirects()).isEqualTo(3);
    assertThat(fetcher.timeout()).isEqualTo(Duration.ofSeconds(30));
    Buffer exact = new Buffer().write(new byte[5 * 1024 * 1024]);
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").chunkedBody(exact, 64 * 1024).build());
    assertThat(fetcher.fetch(url("/exact"), MediaKind.IMAGE).size()).isEqualTo(5 * 1024 * 1024);

    Buffer over = new Buffer().write(new byte[5 * 1024 * 1024 + 1]);
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").chunkedBody(over, 64 * 1024).build());
    MediaFetchException e =
        catchThrowableOfType(() -> fetcher.fetch(url("/over"), MediaKind.IMAGE), MediaFetchException.class);
    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void theCapIsEnforcedWhileStreamingWithoutContentLength() {
    // 200 KiB at 4 KiB per 500 ms would take 25 s to read in full, longer than the 15 s timeout: a
    // fetcher that read everything before checking would time out instead of stopping at the cap.
    HttpMediaFetcher fetcher = loopbackAllowed().maxBytes(8 * 1024).timeout(Duration.ofSeconds(15)).build();
    Buffer big = new Buffer().write(new byte[200 * 1024]);
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "image/png")
            .chunkedBody(big, 1024)
            .throttleBody(4 * 1024, 500, TimeUnit.MILLISECONDS)
            .build());
    MediaFetchException e =
        catchThrowableOfType(() -> fetcher.fetch(url("/big"), MediaKind.IMAGE), MediaFetchException.class);
    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(e.getMessage()).contains("8192 bytes");
  }

  @Test
  void aDeclaredLengthOverTheCapIsRefusedBeforeReading() {
    HttpMediaFetcher fetcher = loopbackAllowed().maxBytes(10).build();
    server.enqueue(image("01234567890"));
    assertThat(reasonOf(() -> fetcher.fetch(url("/a"), MediaKind.IMAGE))).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void aContentTypeIsRequiredAndMustSuitThePart() {
    HttpMediaFetcher fetcher = loopbackAllowed().build();
    server.enqueue(new MockResponse.Builder().code(200).removeHeader("Content-Type").body("x").build());
    MediaFetchException missing =
        catchThrowableOfType(() -> fetcher.fetch(url("/a"), MediaKind.IMAGE), MediaFetchException.class);
    assertThat(missing.reason()).isEqualTo(Reason.MISSING_CONTENT_TYPE);
    assertThat(missing.getMessage()).contains("content type");

    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html>").build());
    assertThat(reasonOf(() -> fetcher.fetch(url("/b"), MediaKind.IMAGE))).isEqualTo(Reason.UNSUPPORTED_MEDIA_TYPE);

    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/pdf").body("pdf").build());
    assertThat(reasonOf(() -> fetcher.fetch(url("/c"), MediaKind.IMAGE))).isEqualTo(Reason.UNSUPPORTED_MEDIA_TYPE);

    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/pdf").body("pdf").build());
    assertThat(fetcher.fetch(url("/d"), MediaKind.FILE).mediaType()).isEqualTo("application/pdf");
  }

  @Test
  void errorStatusesAndTimeoutsAreTyped() {
    HttpMediaFetcher fetcher = loopbackAllowed().timeout(Duration.ofMillis(300)).build();
    server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "text/plain").body("nope").build());
    MediaFetchException notFound =
        catchThrowableOfType(() -> fetcher.fetch(url("/a"), MediaKind.IMAGE), MediaFetchException.class);
    assertThat(notFound.reason()).isEqualTo(Reason.HTTP_STATUS);
    assertThat(notFound.getMessage()).isEqualTo("HTTP 404");

    server.enqueue(image("slow").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
    assertThat(reasonOf(() -> fetcher.fetch(url("/slow"), MediaKind.IMAGE))).isEqualTo(Reason.TIMEOUT);
  }

  @Test
  void aRefusedConnectionIsANetworkError() throws IOException {
    int closed = Loopback.closedPort();
    HttpMediaFetcher fetcher = loopbackAllowed().build();
    assertThat(reasonOf(() -> fetcher.fetch(URI.create("http://127.0.0.1:" + closed + "/"), MediaKind.IMAGE)))
        .isEqualTo(Reason.NETWORK);
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> HttpMediaFetcher.builder().maxBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpMediaFetcher.builder().maxRedirects(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpMediaFetcher.builder().timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThat(reasonOf(() -> HttpMediaFetcher.create().fetch(URI.create("ftp://example.com/a"), MediaKind.IMAGE)))
        .isEqualTo(Reason.INVALID_URL);
  }
}
