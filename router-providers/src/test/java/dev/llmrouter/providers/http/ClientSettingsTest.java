package dev.llmrouter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.InvalidRequestException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

  @Test
  void defaultsMatchTheRustRouter() {
    ClientSettings s = ClientSettings.defaults();
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(600));
    assertThat(s.poolIdleTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.maxIdleConnections()).isEqualTo(16);
    assertThat(s.http1Only()).isFalse();
    assertThat(s.userAgent()).isEqualTo("llm-router-java/0.1.0");
    assertThat(s.followRedirects()).isTrue();
    assertThat(s.dnsOverrides()).isEmpty();
    assertThat(s.readTimeout()).isEqualTo(Duration.ZERO);
    assertThat(s.maxResponseBodyBytes()).isEqualTo(64L * 1024 * 1024);
  }

  @Test
  void valueEqualityCoversEveryField() throws Exception {
    ClientSettings a = ClientSettings.builder().requestTimeout(Duration.ofSeconds(5)).build();
    ClientSettings b = ClientSettings.builder().requestTimeout(Duration.ofSeconds(5)).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(ClientSettings.defaults());
    assertThat(a.toBuilder().http1Only(true).build()).isNotEqualTo(a);
    assertThat(a.toBuilder().userAgent("x/1").build()).isNotEqualTo(a);
    InetAddress ip = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
    ClientSettings pinned = a.toBuilder().dnsOverride("API.Example.com", List.of(ip)).build();
    assertThat(pinned).isNotEqualTo(a);
    assertThat(pinned.dnsOverrides()).containsEntry("api.example.com", List.of(ip));
    assertThat(pinned.toBuilder().build()).isEqualTo(pinned);
  }

  @Test
  void withRequestTimeoutReplacesOnlyTheRequestTimeout() {
    ClientSettings s = ClientSettings.defaults().withRequestTimeout(Duration.ofSeconds(3));
    assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.toBuilder().requestTimeout(Duration.ofSeconds(600)).build())
        .isEqualTo(ClientSettings.defaults());
  }

  @Test
  void invalidValuesAreTypedErrorsNamingTheField() {
    assertThatThrownBy(() -> ClientSettings.builder().connectTimeout(Duration.ZERO).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> ClientSettings.builder().requestTimeout(null).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> ClientSettings.builder().readTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> ClientSettings.builder().maxResponseBodyBytes(0).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("maxResponseBodyBytes");
    assertThatThrownBy(() -> ClientSettings.builder().userAgent("bad\nagent").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("userAgent");
    assertThatThrownBy(() -> ClientSettings.builder().dnsOverride("example.com", List.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("example.com");
  }
}
