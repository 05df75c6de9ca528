package dev.llmrouter.gateway.http;

import dev.llmrouter.catalog.ProviderFormat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A request path resolved to an {@link Endpoint}, with the model of Gemini paths and the error format. */
record Route(Endpoint endpoint, Optional<String> pathModel, ProviderFormat errorFormat) {
  private static final String GEMINI_PREFIX = "/v1beta/models/";

  static Route of(String path) {
    switch (path) {
      case "/v1/chat/completions":
      case "/chat/completions":
        return simple(Endpoint.CHAT_COMPLETIONS);
      case "/v1/responses":
      case "/responses":
        return simple(Endpoint.RESPONSES);
      case "/v1/messages":
        return simple(Endpoint.MESSAGES);
      case "/v1/models":
      case "/models":
        return simple(Endpoint.MODELS);
      case "/health":
        return simple(Endpoint.HEALTH);
      case "/metrics":
        return simple(Endpoint.METRICS);
      default:
        break;
    }
    if (path.startsWith(GEMINI_PREFIX)) {
      String rest = path.substring(GEMINI_PREFIX.length());
      int colon = rest.lastIndexOf(':');
      if (colon > 0) {
        String model = URLDecoder.decode(rest.substring(0, colon), StandardCharsets.UTF_8);
        String method = rest.substring(colon + 1);
        if (method.equals("generateContent")) {
          return new Route(Endpoint.GENERATE_CONTENT, Optional.of(model), ProviderFormat.GOOGLE);
        }
        if (method.equals("streamGenerateContent")) {
          return new Route(Endpoint.STREAM_GENERATE_CONTENT, Optional.of(model), ProviderFormat.GOOGLE);
        }
      }
      return new Route(Endpoint.UNKNOWN, Optional.empty(), ProviderFormat.GOOGLE);
    }
    ProviderFormat f = path.startsWith("/v1beta") ? ProviderFormat.GOOGLE
        : path.startsWith("/v1/messages") ? ProviderFormat.ANTHROPIC : ProviderFormat.OPENAI;
    return new Route(Endpoint.UNKNOWN, Optional.empty(), f);
  }

  private static Route simple(Endpoint e) {
    return new Route(e, Optional.empty(), e.format());
  }
}
