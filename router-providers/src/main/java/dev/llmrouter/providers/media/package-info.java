/**
 * The default remote-media fetcher for core's {@link dev.llmrouter.media.MediaFetcher} SPI:
 * {@link dev.llmrouter.providers.media.HttpMediaFetcher} downloads the http/https media URLs that Gemini
 * and Bedrock need inline, over OkHttp, behind {@link dev.llmrouter.providers.media.SsrfGuard} (loopback,
 * private, link-local, CGNAT, metadata and other internal addresses refused after DNS resolution, for IP
 * literals, on the connected socket and on every redirect), with a streaming size cap (5 MiB), a redirect
 * limit (3) and a total timeout (30 s) by default.
 */
package dev.llmrouter.providers.media;
