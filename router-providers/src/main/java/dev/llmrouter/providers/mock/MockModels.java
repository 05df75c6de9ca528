package dev.llmrouter.providers.mock;

import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Catalog entries for the mock provider: Chat Completions models served only by the {@code mock} alias,
 * priced at {@value #INPUT_PRICE} USD per million input tokens and {@value #OUTPUT_PRICE} per million output
 * tokens so cost accounting can be exercised offline. Use as the custom catalog of
 * {@link dev.llmrouter.RouterBuilder#overlayCatalog}.
 */
public final class MockModels {
  /** The mock models registered by default: echo, canned text, tool call. */
  public static final List<String> DEFAULT_NAMES = List.of("mock/echo", "mock/fast", "mock/tool");
  /** Input price, USD per million tokens. */
  public static final String INPUT_PRICE = "1";
  /** Output price, USD per million tokens. */
  public static final String OUTPUT_PRICE = "2";

  private MockModels() {}

  /** A catalog of {@link #DEFAULT_NAMES}. */
  public static ModelCatalog catalog() {
    return catalog(DEFAULT_NAMES);
  }

  /**
   * A catalog of the given model names.
   *
   * @throws InvalidRequestException if a name does not start with {@code mock/}
   */
  public static ModelCatalog catalog(List<String> names) {
    ModelCatalog.Builder b = ModelCatalog.builder();
    for (String name : names) {
      if (name == null || !name.startsWith("mock/") || name.length() == "mock/".length()) {
        throw new InvalidRequestException("mock model names look like 'mock/<name>', got '" + name + "'");
      }
      b.put(name, ModelSpec.builder(name, ProviderFormat.OPENAI, ModelFlavor.CHAT)
          .displayName("Mock " + name.substring("mock/".length()))
          .availableProviders(List.of(MockProvider.ID))
          .inputCostPerMilTokens(new BigDecimal(INPUT_PRICE))
          .outputCostPerMilTokens(new BigDecimal(OUTPUT_PRICE))
          .description("Local mock model (router-providers mock provider); no upstream call.")
          .build());
    }
    return b.build();
  }
}
