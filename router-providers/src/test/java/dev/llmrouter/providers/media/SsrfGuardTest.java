package dev.llmrouter.providers.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every refused range of the SSRF guard, its edges, IPv4 embedded in IPv6, and the blocked names. */
class SsrfGuardTest {

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal); // literals only: no lookup
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** A raw 16-byte IPv6 address, so IPv4-mapped forms stay Inet6Address-like bytes where Java allows. */
  private static InetAddress v6(int... words) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[2 * i] = (byte) (words[i] >> 8);
      b[2 * i + 1] = (byte) words[i];
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void refusesEveryInternalIpv4Range() {
    for (String a :
        List.of(
            "127.0.0.1", "127.255.255.255", // loopback
            "10.0.0.1", "10.255.255.255", // RFC 1918
            "172.16.0.1", "172.31.255.255", // RFC 1918
            "192.168.0.1", "192.168.255.255", // RFC 1918
            "169.254.0.1", "169.254.169.254", // link-local and metadata
            "100.64.0.1", "100.127.255.255", // CGNAT
            "0.0.0.0", "0.255.255.255", // unspecified / this network
            "192.0.0.1", // IETF protocol assignments
            "198.18.0.1", "198.19.255.255", // benchmarking
            "224.0.0.1", "239.255.255.255", // multicast
            "240.0.0.1", "255.255.255.255")) { // reserved, broadcast
      assertThat(SsrfGuard.isBlocked(ip(a))).as(a).isTrue();
    }
  }

  @Test
  void allowsPublicIpv4IncludingRangeEdges() {
    for (String a :
        List.of(
            "8.8.8.8", "93.184.216.34", "1.1.1.1",
            "172.15.255.255", "172.32.0.0", // just outside 172.16/12
            "100.63.255.255", "100.128.0.0", // just outside 100.64/10
            "169.253.255.255", "169.255.0.0", // just outside 169.254/16
            "192.167.255.255", "192.169.0.0",
            "198.17.255.255", "198.20.0.0",
            "11.0.0.1", "126.255.255.255", "128.0.0.1", "223.255.255.255")) {
      assertThat(SsrfGuard.isBlocked(ip(a))).as(a).isFalse();
    }
  }

  @Test
  void refusesInternalIpv6Ranges() {
    for (String a :
        List.of(
            "::1", "::", // loopback, unspecified
            "fc00::1", "fdff:ffff::1", "fd00:ec2::254", // ULA fc00::/7, AWS metadata
            "fe80::1", "febf::1", // link-local fe80::/10
            "fec0::1", // site-local (deprecated)
            "ff02::1", "ff00::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")) { // multicast
      assertThat(SsrfGuard.isBlocked(ip(a))).as(a).isTrue();
    }
    for (String a : List.of("2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888", "fe00::1")) {
      assertThat(SsrfGuard.isBlocked(ip(a))).as(a).isFalse();
    }
  }

  @Test
  void refusesIpv4EmbeddedInIpv6() {
    // IPv4-mapped, dotted and hex forms (Java turns these into Inet4Address), and raw bytes.
    for (String a : List.of("::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
        "::ffff:100.64.0.1", "::ffff:192.168.1.1")) {
      assertThat(SsrfGuard.isBlocked(ip(a))).as(a).isTrue();
    }
    assertThat(SsrfGuard.isBlocked(v6(0, 0, 0, 0, 0, 0xffff, 0xa9fe, 0xa9fe))).isTrue(); // 169.254.169.254
    assertThat(SsrfGuard.isBlocked(ip("::ffff:8.8.8.8"))).isFalse();
    // IPv4-compatible (deprecated), NAT64 and 6to4 carrying internal addresses.
    assertThat(SsrfGuard.isBlocked(ip("::127.0.0.1"))).isTrue();
    assertThat(SsrfGuard.isBlocked(ip("64:ff9b::a00:1"))).isTrue(); // 10.0.0.1
    assertThat(SsrfGuard.isBlocked(ip("64:ff9b::808:808"))).isFalse(); // 8.8.8.8
    assertThat(SsrfGuard.isBlocked(ip("2002:7f00:1::1"))).isTrue(); // 127.0.0.1
    assertThat(SsrfGuard.isBlocked(ip("2002:808:808::1"))).isFalse(); // 8.8.8.8
  }

  @Test
  void refusesLocalAndMetadataHostNames() {
    for (String h :
        List.of("localhost", "LOCALHOST", "localhost.", "api.localhost", "metadata.google.internal",
            "Metadata.Google.Internal.", "metadata.amazonaws.com", "metadata", "")) {
      assertThat(SsrfGuard.isBlockedHostname(h)).as(h).isTrue();
    }
    for (String h : List.of("example.com", "localhost.example.com", "metadata.example.com")) {
      assertThat(SsrfGuard.isBlockedHostname(h)).as(h).isFalse();
    }
  }

  @Test
  void ipLiteralsAreRecognisedWithoutLookup() {
    assertThat(HttpMediaFetcher.ipLiteral("10.0.0.1")).isEqualTo(ip("10.0.0.1"));
    assertThat(HttpMediaFetcher.ipLiteral("::1")).isEqualTo(ip("::1"));
    assertThat(HttpMediaFetcher.ipLiteral("example.com")).isNull();
    assertThat(HttpMediaFetcher.ipLiteral("999.1.1.1")).isNull();
    assertThat(HttpMediaFetcher.ipLiteral("1.2.3")).isNull();
  }
}
