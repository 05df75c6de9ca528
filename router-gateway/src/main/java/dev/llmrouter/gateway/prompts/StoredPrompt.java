package dev.llmrouter.gateway.prompts;

import dev.llmrouter.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored, immutable version of a prompt in one environment: the LiteLLM {@code litellm_params} and
 * {@code prompt_info} objects as written, when the version was created and, for a promoted copy, the
 * version it was copied from ({@code development.v3}).
 */
public record StoredPrompt(String baseId, int version, String environment, JsonObject litellmParams,
    JsonObject promptInfo, Instant createdAt, Optional<String> promotedFrom) {

  /** Checks the components. */
  public StoredPrompt {
    Objects.requireNonNull(baseId, "baseId");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(litellmParams, "litellmParams");
    Objects.requireNonNull(promptInfo, "promptInfo");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(promotedFrom, "promotedFrom");
  }

  /** {@code baseId.vN}. */
  public String versionedId() {
    return VersionedId.versioned(baseId, version);
  }
}
