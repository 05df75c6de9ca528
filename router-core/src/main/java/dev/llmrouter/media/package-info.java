/**
 * Remote media for providers that need inline bytes (Rust remote_media.rs): when a request is translated
 * for Gemini ({@link dev.llmrouter.media.MediaPolicy#GOOGLE}: images and files) or Bedrock Converse /
 * Bedrock Anthropic ({@link dev.llmrouter.media.MediaPolicy#BEDROCK}: images only), the
 * {@link dev.llmrouter.media.MediaInliner} replaces {@code http}/{@code https} media URLs in system,
 * developer and user messages by the bytes a {@link dev.llmrouter.media.MediaFetcher} downloads. Same-format
 * pass-through never fetches; {@code data:} URLs are decoded by the codecs and {@code gs://} URIs are
 * left alone. Failures are {@link dev.llmrouter.media.MediaFetchException}s (client errors) whose messages
 * name the URL with its query redacted. This package has no HTTP client: the default fetcher, with its
 * SSRF guard, size cap, redirect limit and timeout, lives in router-providers
 * ({@code dev.llmrouter.providers.media}).
 */
package dev.llmrouter.media;
