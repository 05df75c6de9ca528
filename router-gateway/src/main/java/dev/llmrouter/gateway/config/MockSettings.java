package dev.llmrouter.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's mock provider: whether it is registered, the {@code mock/*} model names it serves, and the
 * {@link dev.llmrouter.providers.mock.MockConfig} metadata ({@code latency_ms}, {@code chunk_delay_ms},
 * {@code text}, {@code prompt_tokens}, {@code completion_tokens}).
 */
public record MockSettings(boolean enabled, List<String> models, Map<String, String> metadata) {

  /** Checks and copies. */
  public MockSettings {
    models = List.copyOf(models);
    metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
  }
}
