/**
 * HTTP plumbing shared by the providers: client settings, the process-wide OkHttp client cache, the
 * request executor that maps every outcome to the router's errors, URL path helpers, and the transport part
 * every provider configuration shares ({@link dev.llmrouter.providers.http.HttpTransport},
 * {@link dev.llmrouter.providers.http.HttpProviderConfig}).
 */
package dev.llmrouter.providers.http;
