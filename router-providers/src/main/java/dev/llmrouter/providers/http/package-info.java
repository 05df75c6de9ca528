/**
 * HTTP plumbing shared by the providers: client settings, the process-wide OkHttp client cache, the
 * request executor that maps every outcome to the router's errors, and URL path helpers.
 */
package dev.llmrouter.providers.http;
