package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool-search call in assistant content (lingua's {@code ToolDiscoveryCall} part: Anthropic tool search,
 * Responses {@code tool_search} / namespace).
 *
 * @param toolCallId the call id
 * @param discoveryToolName the discovery tool's name
 * @param query the search query, when given
 * @param arguments the raw call arguments, when given
 * @param status the item status
 * @param execution the execution mode (e.g. server / client)
 * @param providerOptions open provider-specific options
 */
public record ToolDiscoveryCallPart(
    String toolCallId,
    String discoveryToolName,
    Optional<String> query,
    Optional<JsonValue> arguments,
    Optional<String> status,
    Optional<String> execution,
    Optional<JsonObject> providerOptions)
    implements Part {

  /** Validates required fields and normalizes null optionals. */
  public ToolDiscoveryCallPart {
    Objects.requireNonNull(toolCallId, "toolCallId");
    Objects.requireNonNull(discoveryToolName, "discoveryToolName");
    query = LinguaJson.opt(query);
    arguments = LinguaJson.opt(arguments);
    status = LinguaJson.opt(status);
    execution = LinguaJson.opt(execution);
    providerOptions = LinguaJson.opt(providerOptions);
  }

  @Override
  public String type() {
    return "tool_discovery_call";
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this part's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.toolCallId = toolCallId;
    b.discoveryToolName = discoveryToolName;
    b.query = query.orElse(null);
    b.arguments = arguments.orElse(null);
    b.status = status.orElse(null);
    b.execution = execution.orElse(null);
    b.providerOptions = providerOptions.orElse(null);
    return b;
  }

  /** Builds a {@link ToolDiscoveryCallPart}. */
  public static final class Builder {
    private String toolCallId;
    private String discoveryToolName;
    private String query;
    private JsonValue arguments;
    private String status;
    private String execution;
    private JsonObject providerOptions;

    private Builder() {}

    /** Sets the call id (required). */
    public Builder toolCallId(String v) {
      toolCallId = v;
      return this;
    }

    /** Sets the discovery tool name (required). */
    public Builder discoveryToolName(String v) {
      discoveryToolName = v;
      return this;
    }

    /** Sets or clears (null) the query. */
    public Builder query(String v) {
      query = v;
      return this;
    }

    /** Sets or clears (null) the raw arguments. */
    public Builder arguments(JsonValue v) {
      arguments = v;
      return this;
    }

    /** Sets or clears (null) the status. */
    public Builder status(String v) {
      status = v;
      return this;
    }

    /** Sets or clears (null) the execution mode. */
    public Builder execution(String v) {
      execution = v;
      return this;
    }

    /** Sets or clears (null) the provider options. */
    public Builder providerOptions(JsonObject v) {
      providerOptions = v;
      return this;
    }

    /** The part. */
    public ToolDiscoveryCallPart build() {
      return new ToolDiscoveryCallPart(
          toolCallId,
          discoveryToolName,
          Optional.ofNullable(query),
          Optional.ofNullable(arguments),
          Optional.ofNullable(status),
          Optional.ofNullable(execution),
          Optional.ofNullable(providerOptions));
    }
  }
}
