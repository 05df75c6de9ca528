package dev.llmrouter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.InvalidRequestException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

  /** A minimal provider builder, as a provider configuration declares one. */
  static final class TestBuilder extends HttpTransport.EndpointBuilder<TestBuilder> {
    TestBuilder(String defaultEndpoint) {
      super(defaultEndpoint);
    }

    HttpTransport build() {
      return buildTransport("test");
    }

    HttpTransport buildWithout() {
      return buildTransport("test", null);
    }

    void require() {
      requireEndpoint("test requires endpoint");
    }
  }

  @Test
  void settersReturnTheProviderBuilderAndApplyTheTimeoutToTheClientSettings() {
    OkHttpClient client = new OkHttpClient();
    TestBuilder b = new TestBuilder("https://default.example/v1/");
    TestBuilder same = b.endpoint(URI.create("https://h.example/v1/")).timeout(Duration.ofSeconds(7)).httpClient(client);
    assertThat(same).isSameAs(b);

    HttpTransport t = b.build();
    assertThat(t.requiredEndpoint().toString()).isEqualTo("https://h.example/v1/");
    assertThat(t.timeout()).contains(Duration.ofSeconds(7));
    assertThat(t.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(t.httpClient()).containsSame(client);
  }

  @Test
  void defaultsAreTheDefaultEndpointAndDefaultClientSettings() {
    HttpTransport t = new TestBuilder("https://default.example/v1").build();
    assertThat(t.endpoint().map(Object::toString)).contains("https://default.example/v1");
    assertThat(t.timeout()).isEmpty();
    assertThat(t.clientSettings()).isEqualTo(ClientSettings.defaults());
    assertThat(t.httpClient()).isEmpty();
  }

  @Test
  void invalidPartsAreNamedWithTheProviderKind() {
    assertThatThrownBy(() -> new TestBuilder("ftp://x").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("test endpoint is not a valid http(s) URL: ftp://x");
    assertThatThrownBy(() -> new TestBuilder("https://h").timeout(Duration.ZERO).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("test timeout must be a positive duration, got PT0S");
    assertThatThrownBy(() -> new TestBuilder("https://h").clientSettings(null).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("test clientSettings must not be null");
    assertThatThrownBy(() -> new TestBuilder(null).endpoint(" ").require())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("test requires endpoint");
  }

  @Test
  void aTransportWithoutEndpointSaysSo() {
    HttpTransport t = new TestBuilder(null).buildWithout();
    assertThat(t.endpoint()).isEmpty();
    assertThat(t.redactedEndpoint()).isEqualTo("none");
    assertThatThrownBy(t::requiredEndpoint).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void equalityComparesValuesAndTheClientByIdentity() {
    OkHttpClient client = new OkHttpClient();
    HttpTransport a = new TestBuilder("https://h.example/").httpClient(client).build();
    HttpTransport b = new TestBuilder("https://h.example/").httpClient(client).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new TestBuilder("https://h.example/").httpClient(new OkHttpClient()).build());
    assertThat(a).isNotEqualTo(new TestBuilder("https://other.example/").httpClient(client).build());
    assertThat(a).isNotEqualTo(
        new TestBuilder("https://h.example/").httpClient(client).timeout(Duration.ofSeconds(1)).build());
  }

  @Test
  void toStringRedactsTheEndpointAndNamesTheClientKind() {
    HttpTransport t =
        new TestBuilder("https://user:PASSWORD@h.example/v1?key=QUERYSECRET").httpClient(new OkHttpClient()).build();
    assertThat(t.toString())
        .startsWith("HttpTransport{endpoint=https://h.example/v1?…, timeout=default, httpClient=caller-supplied, ")
        .doesNotContain("PASSWORD")
        .doesNotContain("QUERYSECRET");
    assertThat(new TestBuilder("https://h.example/").build().describeClient())
        .startsWith("timeout=default, httpClient=shared, ClientSettings{");
  }
}
