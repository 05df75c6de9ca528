package dev.llmrouter.providers.media;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses and host names a media fetch may never reach: loopback, private (RFC 1918, IPv6 ULA
 * {@code fc00::/7}), link-local ({@code 169.254/16}, {@code fe80::/10}), CGNAT ({@code 100.64/10}),
 * "this network" ({@code 0/8}), IETF protocol assignments ({@code 192.0.0/24}), benchmarking
 * ({@code 198.18/15}), multicast, reserved and broadcast ({@code 224/4}, {@code 240/4}), unspecified,
 * deprecated site-local ({@code fec0::/10}), cloud metadata endpoints ({@code 169.254.169.254},
 * {@code fd00:ec2::254}, {@code metadata.google.internal}, ...), and every IPv6 form that embeds a
 * blocked IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}).
 */
public final class SsrfGuard {
  private static final Set<String> BLOCKED_NAMES =
      Set.of(
          "localhost",
          "metadata",
          "metadata.google.internal",
          "metadata.goog",
          "metadata.amazonaws.com",
          "instance-data",
          "instance-data.ec2.internal");

  private SsrfGuard() {}

  /** Whether {@code address} is one a media fetch must not connect to. */
  public static boolean isBlocked(InetAddress address) {
    if (address == null) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address || b.length == 4) {
      return isBlockedIpv4(b);
    }
    return isBlockedIpv6(b);
  }

  /**
   * Whether a host name is refused before any lookup: {@code localhost} and {@code *.localhost}, and
   * the cloud metadata names. Case and a trailing dot do not matter.
   */
  public static boolean isBlockedHostname(String host) {
    if (host == null || host.isEmpty()) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.isEmpty() || BLOCKED_NAMES.contains(h) || h.endsWith(".localhost");
  }

  private static boolean isBlockedIpv4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return a0 == 0 // "this network", includes 0.0.0.0
        || a0 == 10 // RFC 1918
        || a0 == 127 // loopback
        || (a0 == 100 && (a1 & 0xc0) == 64) // CGNAT 100.64/10
        || (a0 == 169 && a1 == 254) // link-local, includes 169.254.169.254 (metadata)
        || (a0 == 172 && (a1 & 0xf0) == 16) // RFC 1918 172.16/12
        || (a0 == 192 && a1 == 168) // RFC 1918
        || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
        || (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking 198.18/15
        || a0 >= 224; // multicast 224/4, reserved 240/4, broadcast 255.255.255.255
  }

  private static boolean isBlockedIpv6(byte[] b) {
    boolean first80Zero = true;
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        first80Zero = false;
        break;
      }
    }
    if (first80Zero) {
      int w5 = ((b[10] & 0xff) << 8) | (b[11] & 0xff);
      if (w5 == 0xffff) {
        return isBlockedIpv4(new byte[] {b[12], b[13], b[14], b[15]}); // IPv4-mapped
      }
      if (w5 == 0) {
        // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d: all refused.
        return true;
      }
    }
    int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (w0 == 0x64 && w1 == 0xff9b) {
      // NAT64 64:ff9b::/96 (and the local-use 64:ff9b:1::/48): the embedded IPv4 address decides.
      return isBlockedIpv4(new byte[] {b[12], b[13], b[14], b[15]});
    }
    if (w0 == 0x2002) {
      return isBlockedIpv4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4
    }
    int top = b[0] & 0xff;
    return top == 0xff // multicast ff00::/8
        || (top & 0xfe) == 0xfc // unique local fc00::/7, includes fd00:ec2::254 (metadata)
        || (top == 0xfe && (b[1] & 0xc0) == 0x80) // link-local fe80::/10
        || (top == 0xfe && (b[1] & 0xc0) == 0xc0); // site-local fec0::/10 (deprecated)
  }

  /** Whether {@code address} is an IPv6 address (for messages). */
  static boolean isIpv6(InetAddress address) {
    return address instanceof Inet6Address;
  }
}
