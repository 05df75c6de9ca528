package dev.llmrouter.providers.media;

import java.net.UnknownHostException;

/**
 * Thrown from the guarded DNS and the connection check when a media host is or resolves to a blocked
 * address; an {@link UnknownHostException} so OkHttp passes it through its DNS contract unchanged.
 */
final class BlockedAddressException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  BlockedAddressException(String message) {
    super(message);
  }
}
