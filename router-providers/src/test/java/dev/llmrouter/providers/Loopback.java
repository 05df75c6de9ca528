package dev.llmrouter.providers;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.provider.ProviderRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockWebServer;

/** Test helpers: MockWebServer bound to 127.0.0.1 only, a closed loopback port, and request builders. */
public final class Loopback {
  /** A fake key; tests assert that it never shows up where it must not. */
  public static final String SECRET_KEY = "sk-test-SECRET-0123456789";

  private Loopback() {}

  /** 127.0.0.1, never another interface and never IPv6 ::1 (which some hosts lack). */
  public static InetAddress address() throws IOException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
  }

  /** A started server on 127.0.0.1 and an ephemeral port. */
  public static MockWebServer startServer() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start(address(), 0);
    return server;
  }

  /** A port on 127.0.0.1 with nothing listening (it was bound, then released). */
  public static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, address())) {
      return socket.getLocalPort();
    }
  }

  /** A chat request for {@code model} with a bearer key. */
  public static ProviderRequest.Builder chatRequest(String model, String json) {
    return ProviderRequest.builder()
        .payload(json.getBytes(StandardCharsets.UTF_8))
        .format(ProviderFormat.OPENAI)
        .spec(ModelSpec.builder(model, ProviderFormat.OPENAI, ModelFlavor.CHAT).build())
        .auth(AuthConfig.bearer(SECRET_KEY));
  }
}
