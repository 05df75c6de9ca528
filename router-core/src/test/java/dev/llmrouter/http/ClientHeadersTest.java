package dev.llmrouter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientHeadersTest {

  private static Map<String, String> applied(ClientHeaders headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.applyTo((name, value) -> out.put(name.toLowerCase(), value));
    return out;
  }

  /** Port of tests/client_headers.rs client_headers_filter_and_host_behavior. */
  @Test
  void client_headers_filter_and_host_behavior() {
    ClientHeaders headers =
        ClientHeaders.builder()
            .add("x-amzn-trace-id", "Root=1-abc")
            .add("x-bt-project-id", "proj")
            .add("sec-fetch-mode", "cors")
            .add("content-length", "42")
            .add("origin", "https://example.com")
            .add("priority", "u=1")
            .add("referer", "https://example.com/page")
            .add("user-agent", "test-agent")
            .add("cache-control", "no-cache")
            .add("host", "example.com")
            .add("anthropic-beta", "tools-2024-04-04")
            .add("accept", "application/json")
            .add("x-custom-header", "custom")
            .build();
    Map<String, String> out = applied(headers);
    assertThat(out)
        .doesNotContainKeys("x-amzn-trace-id", "x-bt-project-id", "sec-fetch-mode", "content-length",
            "origin", "priority", "referer", "user-agent", "cache-control", "host");
    assertThat(out)
        .containsEntry("anthropic-beta", "tools-2024-04-04")
        .containsEntry("accept", "application/json")
        .containsEntry("x-custom-header", "custom");
    // host is stored but never applied
    assertThat(headers.forwarded()).containsEntry("host", "example.com");
  }

  /** Port of tests/client_headers.rs user_configured_headers_are_not_filtered. */
  @Test
  void user_configured_headers_are_not_filtered() {
    ClientHeaders headers =
        ClientHeaders.builder()
            .addUserConfigured("authorization", "Bearer operator")
            .addUserConfigured("host", "upstream.internal")
            .addUserConfigured("x-bt-project-id", "p1")
            .build();
    Map<String, String> out = applied(headers);
    assertThat(out)
        .containsEntry("authorization", "Bearer operator")
        .containsEntry("host", "upstream.internal")
        .containsEntry("x-bt-project-id", "p1");
  }

  @Test
  void blockedNamesAndPrefixesAreCaseInsensitive() {
    ClientHeaders headers =
        ClientHeaders.builder()
            .add("Authorization", "Bearer client-secret")
            .add("X-API-Key", "k")
            .add("Api-Key", "k")
            .add("X-Forwarded-For", "1.2.3.4")
            .add("CF-Ray", "r")
            .add("Accept-Encoding", "br")
            .add("X-Keep", "yes")
            .build();
    assertThat(applied(headers)).containsOnlyKeys("x-keep");
  }

  @Test
  void lastWriteWinsAndNamesAreLowerCased() {
    ClientHeaders headers = ClientHeaders.builder().add("X-Thing", "1").add("x-thing", "2").build();
    assertThat(headers.forwarded()).containsExactly(Map.entry("x-thing", "2"));
  }

  @Test
  void userConfiguredOverridesForwardedAndJsonContentType() {
    ClientHeaders headers =
        ClientHeaders.builder()
            .add("content-type", "text/plain")
            .add("x-a", "client")
            .addUserConfigured("x-a", "operator")
            .build();
    Map<String, String> out = new LinkedHashMap<>();
    headers.applyJsonTo((n, v) -> out.put(n.toLowerCase(), v));
    assertThat(out).containsEntry("content-type", "application/json").containsEntry("x-a", "operator");

    ClientHeaders operatorType =
        ClientHeaders.builder().addUserConfigured("Content-Type", "application/json; charset=utf-8").build();
    Map<String, String> out2 = new LinkedHashMap<>();
    operatorType.applyJsonTo((n, v) -> out2.put(n.toLowerCase(), v));
    assertThat(out2).containsEntry("content-type", "application/json; charset=utf-8");
  }

  @Test
  void invalidForwardedValuesAreSkippedSilently() {
    ClientHeaders headers = ClientHeaders.builder().add("x-bad", "a\nb").add("x-good", "ok").build();
    assertThat(applied(headers)).containsOnlyKeys("x-good");
  }

  @Test
  void invalidUserConfiguredHeadersAreRejected() {
    assertThatThrownBy(() -> ClientHeaders.builder().addUserConfigured("bad name", "v"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("bad name");
    assertThatThrownBy(() -> ClientHeaders.builder().addUserConfigured("x-ok", "line\r\nbreak"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("x-ok");
  }

  @Test
  void toStringShowsNamesNotValues() {
    ClientHeaders headers =
        ClientHeaders.builder().add("x-trace", "t").addUserConfigured("authorization", "Bearer sk-secret").build();
    assertThat(headers.toString()).contains("authorization").doesNotContain("sk-secret");
  }

  @Test
  void getPrefersUserConfiguredAndHidesHost() {
    ClientHeaders headers =
        ClientHeaders.builder().add("x-a", "1").add("host", "h").addUserConfigured("X-A", "2").build();
    assertThat(headers.get("x-a")).contains("2");
    assertThat(headers.get("host")).isEmpty();
  }
}
