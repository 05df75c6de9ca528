package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a tool-search call, in tool messages (lingua's {@code ToolDiscoveryResultContentPart}).
 *
 * @param toolCallId the id of the discovery call
 * @param discoveryToolName the discovery tool's name
 * @param tools the discovered tools
 * @param status the item status
 * @param execution the execution mode
 * @param providerOptions open provider-specific options
 */
public record ToolDiscoveryResultPart(
    String toolCallId,
    String discoveryToolName,
    List<ToolDiscoveryResultItem> tools,
    Optional<String> status,
    Optional<String> execution,
    Optional<JsonObject> providerOptions)
    implements Part {

  /** Validates required fields, copies the list and normalizes null optionals. */
  public ToolDiscoveryResultPart {
    Objects.requireNonNull(toolCallId, "toolCallId");
    Objects.requireNonNull(discoveryToolName, "discoveryToolName");
    tools = tools == null ? List.of() : List.copyOf(tools);
    status = LinguaJson.opt(status);
    execution = LinguaJson.opt(execution);
    providerOptions = LinguaJson.opt(providerOptions);
  }

  @Override
  public String type() {
    return "tool_discovery_result";
  }
}
