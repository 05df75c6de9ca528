package dev.llmrouter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.junit.jupiter.api.Test;

/** Ports of the Rust client.rs tests, plus the OkHttp specifics of the cache. */
class HttpClientsTest {

  @Test
  void buildsAClientForDefaultSettings() {
    OkHttpClient client = HttpClients.forSettings(ClientSettings.defaults());
    assertThat(client).isNotNull();
    assertThat(client.retryOnConnectionFailure()).isFalse();
    assertThat(client.followRedirects()).isTrue();
  }

  @Test
  void identicalSettingsReuseTheCachedClientAndDifferentSettingsDiffer() {
    ClientSettings a = ClientSettings.builder().connectTimeout(Duration.ofSeconds(7)).build();
    ClientSettings sameAsA = ClientSettings.builder().connectTimeout(Duration.ofSeconds(7)).build();
    ClientSettings b = ClientSettings.builder().connectTimeout(Duration.ofSeconds(8)).build();
    OkHttpClient ca = HttpClients.forSettings(a);
    assertThat(HttpClients.forSettings(sameAsA)).isSameAs(ca);
    OkHttpClient cb = HttpClients.forSettings(b);
    assertThat(cb).isNotSameAs(ca);
    assertThat(cb.connectTimeoutMillis()).isEqualTo(8_000);
    // Derived from one root: one dispatcher, and one pool for equal pool settings.
    assertThat(cb.dispatcher()).isSameAs(ca.dispatcher());
    assertThat(cb.connectionPool()).isSameAs(ca.connectionPool());
  }

  @Test
  void dnsOverridesShareTheCache() throws Exception {
    InetAddress ip = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    ClientSettings a = ClientSettings.builder().dnsOverride("pinned.example", List.of(ip)).build();
    ClientSettings b = ClientSettings.builder().dnsOverride("PINNED.example", List.of(ip)).build();
    OkHttpClient client = HttpClients.forSettings(a);
    assertThat(HttpClients.forSettings(b)).isSameAs(client);
    assertThat(client.dns().lookup("pinned.example")).containsExactly(ip);
  }

  @Test
  void defaultRequestTimeoutIs600Seconds() {
    OkHttpClient client = HttpClients.forSettings(ClientSettings.defaults());
    assertThat(client.callTimeoutMillis()).isEqualTo(600_000);
    assertThat(client.connectTimeoutMillis()).isEqualTo(10_000);
    // No per-read limit by default: the call timeout bounds the whole call, as reqwest's timeout does.
    assertThat(client.readTimeoutMillis()).isZero();
  }

  @Test
  void http1OnlyRestrictsProtocols() {
    OkHttpClient client = HttpClients.forSettings(ClientSettings.builder().http1Only(true).build());
    assertThat(client.protocols()).containsExactly(Protocol.HTTP_1_1);
  }

  @Test
  void differentPoolSettingsGetADifferentPool() {
    OkHttpClient a = HttpClients.forSettings(ClientSettings.defaults());
    OkHttpClient b = HttpClients.forSettings(ClientSettings.builder().maxIdleConnections(3).build());
    assertThat(b.connectionPool()).isNotSameAs(a.connectionPool());
    assertThat(b.dispatcher()).isSameAs(a.dispatcher());
  }

  @Test
  void selectPrefersTheSuppliedClientAndAppliesOnlyAnExplicitTimeout() {
    OkHttpClient supplied = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(42)).build();
    assertThat(HttpClients.select(Optional.of(supplied), ClientSettings.defaults(), Optional.empty()))
        .isSameAs(supplied);
    OkHttpClient timed =
        HttpClients.select(
            Optional.of(supplied), ClientSettings.defaults(), Optional.of(Duration.ofSeconds(5)));
    assertThat(timed.callTimeoutMillis()).isEqualTo(5_000);
    assertThat(timed.connectionPool()).isSameAs(supplied.connectionPool());
    OkHttpClient shared =
        HttpClients.select(Optional.empty(), ClientSettings.defaults(), Optional.of(Duration.ofSeconds(5)));
    assertThat(shared.callTimeoutMillis()).isEqualTo(5_000);
    assertThat(shared)
        .isSameAs(
            HttpClients.forSettings(ClientSettings.defaults().withRequestTimeout(Duration.ofSeconds(5))));
  }
}
