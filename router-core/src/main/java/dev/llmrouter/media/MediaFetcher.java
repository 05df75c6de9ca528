package dev.llmrouter.media;

import java.net.URI;

/**
 * The SPI that downloads a remote {@code http}/{@code https} media URL so it can be sent inline to a
 * provider that does not fetch URLs itself (Gemini, Bedrock Converse, Bedrock Anthropic).
 *
 * <p>Implementations must refuse URLs that lead to internal addresses (SSRF), bound the size and time
 * of a download, and require a content type the {@link MediaKind} accepts; router-providers' {@code
 * dev.llmrouter.providers.media.HttpMediaFetcher} is the default one. Calls block and may come from
 * several threads (including virtual threads) at once.
 */
@FunctionalInterface
public interface MediaFetcher {

  /**
   * Downloads {@code url}.
   *
   * @param url an absolute {@code http} or {@code https} URL taken from the request
   * @param kind whether the URL is an image or a file part, which decides the content types accepted
   * @return the bytes and their media type
   * @throws MediaFetchException when the URL cannot or may not be fetched; its message is the reason
   *     only (the router adds the redacted URL). Any other runtime exception is treated the same way.
   */
  FetchedMedia fetch(URI url, MediaKind kind);
}
