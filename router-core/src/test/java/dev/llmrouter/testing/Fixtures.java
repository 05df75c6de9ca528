package dev.llmrouter.testing;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Specs, catalogs, credentials and bodies shared by the routing and execution tests. */
public final class Fixtures {
  private Fixtures() {}

  /** The credentials every stub registration uses (never sent anywhere). */
  public static AuthConfig auth() {
    return AuthConfig.bearer("test-key");
  }

  /** A chat-flavored spec of {@code format} with no explicit providers. */
  public static ModelSpec spec(String model, ProviderFormat format) {
    return ModelSpec.builder(model, format, ModelFlavor.CHAT).build();
  }

  /** A chat-flavored spec of {@code format} served by {@code providers}, in that order. */
  public static ModelSpec spec(String model, ProviderFormat format, String... providers) {
    return ModelSpec.builder(model, format, ModelFlavor.CHAT)
        .availableProviders(List.of(providers))
        .build();
  }

  /** An OpenAI Chat Completions spec. */
  public static ModelSpec openaiSpec(String model) {
    return spec(model, ProviderFormat.OPENAI);
  }

  /** An OpenAI spec whose available providers are openai, azure and cerebras (the Rust fixture). */
  public static ModelSpec openaiSpecWithAvailableProviders(String model) {
    return spec(model, ProviderFormat.OPENAI, "openai", "azure", "cerebras");
  }

  /** A Google (Gemini) spec with no explicit providers. */
  public static ModelSpec googleSpec(String model) {
    return spec(model, ProviderFormat.GOOGLE);
  }

  /** A catalog holding one model under its own name. */
  public static ModelCatalog catalog(String name, ModelSpec spec) {
    return ModelCatalog.builder().put(name, spec).build();
  }

  /** UTF-8 bytes of a JSON text. */
  public static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** UTF-8 text of bytes. */
  public static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** An OpenAI chat completion response naming {@code model}. */
  public static byte[] chatResponse(String model, String content) {
    return bytes("{\"id\":\"stub-response\",\"object\":\"chat.completion\",\"model\":" + quote(model)
        + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(content)
        + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
        + "\"total_tokens\":2}}");
  }

  /** A JSON string literal (enough escaping for test fixtures). */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.append('"').toString();
  }
}
