package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool reference returned by dynamic tool discovery (lingua's {@code ToolDiscoveryResultItem}).
 *
 * @param toolName the discovered tool's name
 * @param tool the full tool definition, when the provider returned it
 * @param providerOptions open provider-specific options
 */
public record ToolDiscoveryResultItem(
    String toolName, Optional<Tool> tool, Optional<JsonObject> providerOptions) {

  /** Validates the name and normalizes null optionals. */
  public ToolDiscoveryResultItem {
    Objects.requireNonNull(toolName, "toolName");
    tool = LinguaJson.opt(tool);
    providerOptions = LinguaJson.opt(providerOptions);
  }

  /** A reference by name only. */
  public static ToolDiscoveryResultItem of(String toolName) {
    return new ToolDiscoveryResultItem(toolName, Optional.empty(), Optional.empty());
  }
}
