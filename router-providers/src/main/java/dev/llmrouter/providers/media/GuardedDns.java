package dev.llmrouter.providers.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Dns;

/**
 * An {@link Dns} that resolves with a delegate and then refuses the host when its name is blocked or any
 * address it resolves to is ({@link SsrfGuard}), so a name that points at an internal address (including
 * DNS rebinding to one) is never connected to. Addresses accepted by {@code allowed} pass regardless
 * (tests only).
 */
final class GuardedDns implements Dns {
  private final Dns delegate;
  private final Predicate<InetAddress> allowed;

  GuardedDns(Dns delegate, Predicate<InetAddress> allowed) {
    this.delegate = delegate;
    this.allowed = allowed;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    if (SsrfGuard.isBlockedHostname(hostname)) {
      throw new BlockedAddressException("the host " + hostname + " is blocked");
    }
    List<InetAddress> addresses = delegate.lookup(hostname);
    if (addresses == null || addresses.isEmpty()) {
      throw new UnknownHostException("no addresses for " + hostname);
    }
    for (InetAddress a : addresses) {
      if (SsrfGuard.isBlocked(a) && !allowed.test(a)) {
        throw new BlockedAddressException(
            "the host " + hostname + " resolves to a blocked address (" + a.getHostAddress() + ")");
      }
    }
    return List.copyOf(addresses);
  }
}
