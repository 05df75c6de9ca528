package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool call in assistant content (lingua's {@code ToolCall} part).
 *
 * @param toolCallId the call id
 * @param toolName the tool name
 * @param arguments the arguments (valid object, invalid text, or custom-tool input)
 * @param status the item status (Responses), when given
 * @param caller who issued the call (programmatic tool calling)
 * @param encryptedContent an encrypted payload (e.g. a Gemini thought signature on a function call)
 * @param providerOptions open provider-specific options
 * @param providerExecuted true for server-executed tools (e.g. Anthropic web search)
 */
public record ToolCallPart(
    String toolCallId,
    String toolName,
    ToolArguments arguments,
    Optional<String> status,
    Optional<ToolCaller> caller,
    Optional<String> encryptedContent,
    Optional<JsonObject> providerOptions,
    Optional<Boolean> providerExecuted)
    implements Part {

  /** Validates required fields and normalizes null optionals. */
  public ToolCallPart {
    Objects.requireNonNull(toolCallId, "toolCallId");
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(arguments, "arguments");
    status = LinguaJson.opt(status);
    caller = LinguaJson.opt(caller);
    encryptedContent = LinguaJson.opt(encryptedContent);
    providerOptions = LinguaJson.opt(providerOptions);
    providerExecuted = LinguaJson.opt(providerExecuted);
  }

  /** A call with only id, name and arguments. */
  public static ToolCallPart of(String toolCallId, String toolName, ToolArguments arguments) {
    return builder().toolCallId(toolCallId).toolName(toolName).arguments(arguments).build();
  }

  @Override
  public String type() {
    return "tool_call";
  }

  /** Whether {@link #providerExecuted()} is true. */
  public boolean isProviderExecuted() {
    return providerExecuted.orElse(false);
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
    b.arguments = arguments;
    b.status = status.orElse(null);
    b.caller = caller.orElse(null);
    b.encryptedContent = encryptedContent.orElse(null);
    b.providerOptions = providerOptions.orElse(null);
    b.providerExecuted = providerExecuted.orElse(null);
    return b;
  }

  /** Builds a {@link ToolCallPart}. */
  public static final class Builder {
    private String toolCallId;
    private String toolName;
    private ToolArguments arguments;
    private String status;
    private ToolCaller caller;
    private String encryptedContent;
    private JsonObject providerOptions;
    private Boolean providerExecuted;

    private Builder() {}

    /** Sets the call id (required). */
    public Builder toolCallId(String v) {
      toolCallId = v;
      return this;
    }

    /** Sets the tool name (required). */
    public Builder toolName(String v) {
      toolName = v;
      return this;
    }

    /** Sets the arguments (required). */
    public Builder arguments(ToolArguments v) {
      arguments = v;
      return this;
    }

    /** Sets or clears (null) the status. */
    public Builder status(String v) {
      status = v;
      return this;
    }

    /** Sets or clears (null) the caller. */
    public Builder caller(ToolCaller v) {
      caller = v;
      return this;
    }

    /** Sets or clears (null) the encrypted content. */
    public Builder encryptedContent(String v) {
      encryptedContent = v;
      return this;
    }

    /** Sets or clears (null) the provider options. */
    public Builder providerOptions(JsonObject v) {
      providerOptions = v;
      return this;
    }

    /** Sets or clears (null) the provider-executed flag. */
    public Builder providerExecuted(Boolean v) {
      providerExecuted = v;
      return this;
    }

    /** The part. */
    public ToolCallPart build() {
      return new ToolCallPart(
          toolCallId,
          toolName,
          arguments,
          Optional.ofNullable(status),
          Optional.ofNullable(caller),
          Optional.ofNullable(encryptedContent),
          Optional.ofNullable(providerOptions),
          Optional.ofNullable(providerExecuted));
    }
  }
}
