package dev.llmrouter.providers.auth.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import javax.net.ssl.SSLContext;

/**
 * Builds an azure-core HTTP client on the JDK's {@code java.net.http} client with a given TLS context.
 * Kept apart from {@link AzureIdentityBridge} so that it (and azure-core-http-jdk-httpclient) is loaded
 * only when a TLS context is configured.
 */
final class AzureJdkHttp {
  private AzureJdkHttp() {}

  static HttpClient client(SSLContext sslContext) {
    return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(sslContext)).build();
  }
}
