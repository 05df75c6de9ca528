package dev.llmrouter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.InvalidRequestException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class UrlPathsTest {

  @Test
  void pushKeepsTheLastSegmentOfABaseWithoutTrailingSlash() {
    HttpUrl url = UrlPaths.pushSegments(HttpUrl.get("https://api.openai.com/v1"), "chat", "completions");
    assertThat(url.toString()).isEqualTo("https://api.openai.com/v1/chat/completions");
  }

  @Test
  void pushDropsOneTrailingEmptySegment() {
    assertThat(UrlPaths.pushSegments(HttpUrl.get("https://h.example/api/v1/"), "responses").toString())
        .isEqualTo("https://h.example/api/v1/responses");
    assertThat(UrlPaths.pushSegments(HttpUrl.get("https://h.example"), "a").toString())
        .isEqualTo("https://h.example/a");
  }

  @Test
  void pushEncodesEachSegmentAsOneSegment() {
    HttpUrl url = UrlPaths.pushSegments(HttpUrl.get("https://h.example/v1"), "models", "a/b c%:d@e");
    assertThat(url.encodedPath()).isEqualTo("/v1/models/a%2Fb%20c%25:d@e");
    assertThat(url.pathSegments()).containsExactly("v1", "models", "a/b c%:d@e");
  }

  @Test
  void pushKeepsTheQuery() {
    HttpUrl url = UrlPaths.pushSegments(HttpUrl.get("https://h.example/v1?x=1"), "chat");
    assertThat(url.toString()).isEqualTo("https://h.example/v1/chat?x=1");
  }

  @Test
  void pushRejectsDotSegments() {
    assertThatThrownBy(() -> UrlPaths.pushSegments(HttpUrl.get("https://h.example/v1"), ".."))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'..'");
  }

  @Test
  void joinFollowsRfc3986() {
    assertThat(UrlPaths.join(HttpUrl.get("https://api.anthropic.com/v1/"), "messages").toString())
        .isEqualTo("https://api.anthropic.com/v1/messages");
    assertThat(UrlPaths.join(HttpUrl.get("https://api.anthropic.com/v1"), "messages").toString())
        .isEqualTo("https://api.anthropic.com/messages");
  }

  @Test
  void parseRejectsNonHttpUrlsWithATypedError() {
    assertThatThrownBy(() -> UrlPaths.parse("ftp://x", "test endpoint"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("test endpoint");
    assertThatThrownBy(() -> UrlPaths.parse((String) null, "test endpoint"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void redactDropsUserInfoAndQuery() {
    assertThat(UrlPaths.redact(HttpUrl.get("https://user:pw@h.example:8443/v1?key=secret")))
        .isEqualTo("https://h.example:8443/v1?…");
    assertThat(UrlPaths.redact("not a url://user:pw@h?key=secret"))
        .doesNotContain("pw")
        .doesNotContain("secret");
  }
}
