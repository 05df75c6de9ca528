package dev.llmrouter.media;

import static dev.llmrouter.media.Json.b;
import static dev.llmrouter.media.Json.parse;
import static dev.llmrouter.media.Json.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.translate.RequestTransform;
import dev.llmrouter.translate.Translator;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The inliner's rules beyond the Rust ports: roles, policies, errors, redaction, the hook's overloads. */
class MediaInlinerTest {
  private static final String IMG = "https://example.com/a.png";
  private static final String CHAT_IMAGE =
      "{'model':'m','messages':[{'role':'user','content':[{'type':'text','text':'hi'},"
          + "{'type':'image_url','image_url':{'url':'URL'}}]}]}";

  private static byte[] chatImage(String url) {
    return b(CHAT_IMAGE.replace("URL", url));
  }

  private static UniversalRequest request(Message... messages) {
    return new UniversalRequest(Optional.of("m"), List.of(messages), UniversalParams.EMPTY);
  }

  @Test
  void systemDeveloperAndUserMediaAreInlinedButAssistantMediaIsNot() {
    FakeFetcher fetcher =
        new FakeFetcher()
            .answer(IMG, "png", "image/png")
            .answer("https://example.com/doc.pdf", "pdf", "application/pdf");
    UniversalRequest in =
        request(
            Message.system(List.of(ImagePart.of(IMG, Optional.empty()))),
            Message.developer(List.of(FilePart.of("https://example.com/doc.pdf", "application/octet-stream"))),
            Message.user(List.of(TextPart.of("look"), ImagePart.of(IMG, Optional.empty()))),
            Message.assistant(List.of(FilePart.of("https://example.com/out.pdf", "application/pdf"))));

    UniversalRequest out = MediaInliner.inline(in, MediaPolicy.GOOGLE, Optional.of(fetcher), "google");

    ImagePart sys = (ImagePart) out.messages().get(0).content().get(0);
    assertThat(sys.imageString()).contains("cG5n");
    assertThat(sys.mediaType()).contains("image/png");
    FilePart dev = (FilePart) out.messages().get(1).content().get(0);
    assertThat(dev.dataString()).contains("cGRm");
    assertThat(dev.mediaType()).isEqualTo("application/pdf");
    assertThat(out.messages().get(2).content().get(0)).isEqualTo(TextPart.of("look"));
    assertThat(((ImagePart) out.messages().get(2).content().get(1)).imageString()).contains("cG5n");
    assertThat(out.messages().get(3)).isSameAs(in.messages().get(3));
    // The same image URL (system and user) is fetched once per request.
    assertThat(fetcher.calls()).containsExactly(IMG, "https://example.com/doc.pdf");
  }

  @Test
  void bedrockPolicyLeavesFileUrlsAndGooglePolicyLeavesNonHttpReferences() {
    UniversalRequest files =
        request(Message.user(List.of(FilePart.of("https://example.com/doc.pdf", "application/pdf"))));
    assertThat(MediaInliner.inline(files, MediaPolicy.BEDROCK, Optional.of(FakeFetcher.never()), "converse"))
        .isSameAs(files);

    UniversalRequest others =
        request(
            Message.user(
                List.of(
                    ImagePart.of("data:image/png;base64,cG5n", Optional.empty()),
                    ImagePart.of("gs://bucket/a.png", Optional.empty()),
                    FilePart.of("file-abc123", "application/pdf"),
                    new ImagePart(JsonString.of("ftp://example.com/a.png"), Optional.empty(), Optional.empty()))));
    assertThat(MediaInliner.inline(others, MediaPolicy.GOOGLE, Optional.of(FakeFetcher.never()), "google"))
        .isSameAs(others);
  }

  @Test
  void withoutAFetcherARequestThatNeedsOneIsRefusedNamingTheUrl() {
    MediaFetchException e =
        catchThrowableOfType(
            () ->
                Translator.transformRequest(
                    chatImage(IMG + "?sig=SECRET"), ProviderFormat.GOOGLE, Optional.of("gemini-2.5-pro"),
                    Optional.empty()),
            MediaFetchException.class);
    assertThat(e).isInstanceOf(InvalidRequestException.class);
    assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.NO_FETCHER);
    assertThat(e.getMessage())
        .contains("https://example.com/a.png?<redacted>")
        .contains("MediaFetcher")
        .contains("google")
        .doesNotContain("SECRET");
  }

  @Test
  void theLegacyOverloadsLeaveUrlsAsToday() {
    RequestTransform t =
        Translator.transformRequest(chatImage(IMG), ProviderFormat.CONVERSE, Optional.of("m"));
    assertThat(string(parse(t.body()), "/messages/0/content/1/image/source/bytes")).isEqualTo(IMG);
  }

  @Test
  void passThroughNeverFetchesEvenWithRemoteUrls() {
    byte[] google =
        b("{'contents':[{'role':'user','parts':[{'fileData':{'fileUri':'" + IMG + "','mimeType':'image/png'}}]}]}");
    RequestTransform t =
        Translator.transformRequest(
            google, ProviderFormat.GOOGLE, Optional.of("gemini-2.5-pro"), Optional.of(FakeFetcher.never()));
    assertThat(t.isPassthrough()).isTrue();
    assertThat(t.body()).isSameAs(google);
  }

  @Test
  void targetsWithoutAPolicyNeverFetch() {
    for (ProviderFormat target :
        List.of(ProviderFormat.ANTHROPIC, ProviderFormat.RESPONSES, ProviderFormat.VERTEX_ANTHROPIC)) {
      RequestTransform t =
          Translator.transformRequest(
              chatImage(IMG), target, Optional.of("claude-sonnet-4-5"), Optional.of(FakeFetcher.never()));
      assertThat(new String(t.body(), java.nio.charset.StandardCharsets.UTF_8)).as(target.id()).contains(IMG);
    }
  }

  @Test
  void aDataUrlImageIsDecodedForConverseNotFetched() {
    RequestTransform t =
        Translator.transformRequest(
            chatImage("data:image/png;base64,cG5n"), ProviderFormat.CONVERSE, Optional.of("m"),
            Optional.of(FakeFetcher.never()));
    assertThat(string(parse(t.body()), "/messages/0/content/1/image/source/bytes")).isEqualTo("cG5n");
    assertThat(string(parse(t.body()), "/messages/0/content/1/image/format")).isEqualTo("png");
  }

  @Test
  void secretsInTheUrlNeverReachTheMessage() {
    String url = "https://user:hunter2@example.com/a.png?X-Amz-Signature=TOKEN123#frag";
    MediaFetcher leaky =
        (u, kind) -> {
          throw new IllegalStateException("could not GET " + u);
        };
    MediaFetchException e =
        catchThrowableOfType(
            () ->
                Translator.transformRequest(
                    chatImage(url), ProviderFormat.CONVERSE, Optional.of("m"), Optional.of(leaky)),
            MediaFetchException.class);
    assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.OTHER);
    assertThat(e.getMessage())
        .startsWith("failed to fetch media URL https://<redacted>@example.com/a.png?<redacted>: ")
        .doesNotContain("TOKEN123")
        .doesNotContain("hunter2")
        .doesNotContain("frag");
    assertThat(String.valueOf(e.getCause().getMessage())).doesNotContain("TOKEN123");
  }

  @Test
  void aFetchedTypeTheKindDoesNotAcceptIsRefused() {
    FakeFetcher html = new FakeFetcher().answer(IMG, "<html>", "text/html; charset=utf-8");
    assertThatThrownBy(
            () ->
                Translator.transformRequest(
                    chatImage(IMG), ProviderFormat.CONVERSE, Optional.of("m"), Optional.of(html)))
        .isInstanceOfSatisfying(
            MediaFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.UNSUPPORTED_MEDIA_TYPE))
        .hasMessageContaining("unsupported media type text/html for image content");
  }

  @Test
  void aFetcherReturningNothingIsAClientError() {
    assertThatThrownBy(
            () ->
                Translator.transformRequest(
                    chatImage(IMG), ProviderFormat.CONVERSE, Optional.of("m"), Optional.of((u, k) -> null)))
        .isInstanceOf(MediaFetchException.class)
        .hasMessageContaining("returned nothing");
  }

  @Test
  void kindsAcceptTheirMediaTypes() {
    assertThat(MediaKind.IMAGE.accepts("image/jpeg")).isTrue();
    assertThat(MediaKind.IMAGE.accepts("Image/PNG; q=1")).isTrue();
    assertThat(MediaKind.IMAGE.accepts("image/")).isFalse();
    assertThat(MediaKind.IMAGE.accepts("application/pdf")).isFalse();
    assertThat(MediaKind.IMAGE.accepts("")).isFalse();
    assertThat(MediaKind.FILE.accepts("application/pdf")).isTrue();
    assertThat(MediaKind.FILE.accepts("text/plain; charset=utf-8")).isTrue();
    assertThat(MediaKind.FILE.accepts("audio/mpeg")).isTrue();
    assertThat(MediaKind.FILE.accepts("image/webp")).isTrue();
    assertThat(MediaKind.FILE.accepts("text/html")).isFalse();
    assertThat(MediaKind.FILE.accepts("application/octet-stream")).isFalse();
  }

  @Test
  void urlsAreRecognisedParsedAndRedacted() {
    assertThat(MediaUrls.isRemote("https://x/a")).isTrue();
    assertThat(MediaUrls.isRemote("HTTP://x/a")).isTrue();
    assertThat(MediaUrls.isRemote("gs://b/a")).isFalse();
    assertThat(MediaUrls.isRemote("data:image/png;base64,AA")).isFalse();
    assertThat(MediaUrls.isRemote(null)).isFalse();
    assertThat(MediaUrls.parse("https://example.com/a b".replace(" ", "%20")).getHost()).isEqualTo("example.com");
    assertThatThrownBy(() -> MediaUrls.parse("http:///nohost"))
        .isInstanceOfSatisfying(
            MediaFetchException.class, e -> assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.INVALID_URL));
    assertThatThrownBy(() -> MediaUrls.parse("https://exa mple.com/"))
        .isInstanceOf(MediaFetchException.class)
        .hasMessageContaining("not a valid URL");
    assertThat(MediaUrls.redact("https://example.com/a.png")).isEqualTo("https://example.com/a.png");
    assertThat(MediaUrls.redact("https://a:b@example.com:8443/p?q=1#f"))
        .isEqualTo("https://<redacted>@example.com:8443/p?<redacted>");
    assertThat(MediaUrls.redact("https://example.com/" + "x".repeat(1000))).hasSize(MediaUrls.MAX_SHOWN + 3);
  }

  @Test
  void fetchedMediaIsImmutableAndHidesItsBytes() {
    byte[] raw = {1, 2, 3};
    FetchedMedia m = FetchedMedia.of(raw, "Image/PNG; x=y");
    raw[0] = 9;
    assertThat(m.bytes()).containsExactly(1, 2, 3);
    m.bytes()[1] = 9;
    assertThat(m.bytes()).containsExactly(1, 2, 3);
    assertThat(m.mediaType()).isEqualTo("image/png");
    assertThat(m.base64()).isEqualTo("AQID");
    assertThat(m.toString()).isEqualTo("FetchedMedia[image/png, 3 bytes]");
    assertThatThrownBy(() -> FetchedMedia.of(raw, " ")).isInstanceOf(IllegalArgumentException.class);
  }
}
