package dev.llmrouter.prompt;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A prompt with its variables substituted: the OpenAI-form messages to put before the caller's (a completion
 * prompt's text is one {@code user} message), and the prompt's model, params, tools and response format.
 */
public final class RenderedPrompt {
  private final Prompt prompt;
  private final List<PromptMessage> messages;

  RenderedPrompt(Prompt prompt, List<PromptMessage> messages) {
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    this.messages = List.copyOf(messages);
  }

  /** The prompt as stored (templates not substituted). */
  public Prompt prompt() {
    return prompt;
  }

  /** The rendered template messages, in order. */
  public List<PromptMessage> messages() {
    return messages;
  }

  /** The rendered messages as a JSON array of OpenAI Chat messages. */
  public JsonArray messagesJson() {
    JsonArray.Builder b = JsonArray.builder(messages.size());
    for (PromptMessage m : messages) {
      b.add(m.toJson());
    }
    return b.build();
  }

  /** The rendered completion text, for a completion prompt. */
  public Optional<String> text() {
    return prompt.kind() == PromptKind.COMPLETION && !messages.isEmpty()
        ? messages.get(0).text()
        : Optional.empty();
  }

  public Optional<String> model() {
    return prompt.model();
  }

  public JsonObject params() {
    return prompt.params();
  }

  public Optional<JsonArray> tools() {
    return prompt.tools();
  }

  public Optional<JsonObject> responseFormat() {
    return prompt.responseFormat();
  }

  @Override
  public String toString() {
    return "RenderedPrompt{" + prompt + ", messages=" + messages.size() + "}";
  }
}
