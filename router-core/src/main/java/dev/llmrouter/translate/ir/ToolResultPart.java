package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool result: in tool messages (lingua's {@code ToolResultContentPart}) or, for server-executed tools,
 * in assistant content (lingua's {@code AssistantContentPart::ToolResult}, e.g. Anthropic
 * {@code web_search_tool_result} with an {@code anthropic_type} marker in the output).
 *
 * @param toolCallId the id of the call this answers
 * @param toolName the tool name (often empty: OpenAI and Anthropic results carry none)
 * @param output the result, any JSON (string outputs that look like JSON are parsed by the codecs)
 * @param customToolCall whether this answers a custom (free-form) tool call; tool messages only
 * @param caller who receives the result (programmatic tool calling)
 * @param providerOptions open provider-specific options
 * @param isError whether the tool failed (Anthropic {@code is_error}, Converse {@code status: error});
 *     lingua drops it, we carry it to the formats that have the flag
 */
public record ToolResultPart(
    String toolCallId,
    String toolName,
    JsonValue output,
    Optional<Boolean> customToolCall,
    Optional<ToolCaller> caller,
    Optional<JsonObject> providerOptions,
    Optional<Boolean> isError)
    implements Part {

  /** Validates required fields and normalizes null optionals. */
  public ToolResultPart {
    Objects.requireNonNull(toolCallId, "toolCallId");
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(output, "output");
    customToolCall = LinguaJson.opt(customToolCall);
    caller = LinguaJson.opt(caller);
    providerOptions = LinguaJson.opt(providerOptions);
    isError = LinguaJson.opt(isError);
  }

  /** A result without an error flag. */
  public ToolResultPart(
      String toolCallId,
      String toolName,
      JsonValue output,
      Optional<Boolean> customToolCall,
      Optional<ToolCaller> caller,
      Optional<JsonObject> providerOptions) {
    this(toolCallId, toolName, output, customToolCall, caller, providerOptions, Optional.empty());
  }

  /** This result with the error flag set or cleared. */
  public ToolResultPart withIsError(Optional<Boolean> flag) {
    return new ToolResultPart(toolCallId, toolName, output, customToolCall, caller, providerOptions, flag);
  }

  /** A result with only id, name and output. */
  public static ToolResultPart of(String toolCallId, String toolName, JsonValue output) {
    return new ToolResultPart(
        toolCallId, toolName, output, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A result whose output is a string. */
  public static ToolResultPart of(String toolCallId, String toolName, String output) {
    return of(toolCallId, toolName, JsonString.of(output));
  }

  @Override
  public String type() {
    return "tool_result";
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this part's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.toolCallId = toolCallId;
    b.toolName = toolName;
    b.output = output;
    b.customToolCall = customToolCall.orElse(null);
    b.caller = caller.orElse(null);
    b.providerOptions = providerOptions.orElse(null);
    b.isError = isError.orElse(null);
    return b;
  }

  /** Builds a {@link ToolResultPart}. */
  public static final class Builder {
    private String toolCallId;
    private String toolName;
    private JsonValue output;
    private Boolean customToolCall;
    private ToolCaller caller;
    private JsonObject providerOptions;
    private Boolean isError;

    private Builder() {}

    /** Sets the call id (required). */
    public Builder toolCallId(String v) {
      toolCallId = v;
      return this;
    }

    /** Sets the tool name (required; may be empty). */
    public Builder toolName(String v) {
      toolName = v;
      return this;
    }

    /** Sets the output (required). */
    public Builder output(JsonValue v) {
      output = v;
      return this;
    }

    /** Sets or clears (null) the custom-tool-call flag. */
    public Builder customToolCall(Boolean v) {
      customToolCall = v;
      return this;
    }

    /** Sets or clears (null) the caller. */
    public Builder caller(ToolCaller v) {
      caller = v;
      return this;
    }

    /** Sets or clears (null) the provider options. */
    public Builder providerOptions(JsonObject v) {
      providerOptions = v;
      return this;
    }

    /** Sets or clears (null) the error flag. */
    public Builder isError(Boolean v) {
      isError = v;
      return this;
    }

    /** The part. */
    public ToolResultPart build() {
      return new ToolResultPart(
          toolCallId,
          toolName,
          output,
          Optional.ofNullable(customToolCall),
          Optional.ofNullable(caller),
          Optional.ofNullable(providerOptions),
          Optional.ofNullable(isError));
    }
  }
}
