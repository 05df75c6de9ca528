package dev.llmrouter.translate.ir;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request in universal form (lingua's {@code UniversalRequest}).
 *
 * @param model the model id (absent for formats that select the model by endpoint)
 * @param messages the conversation
 * @param params the canonical parameters and per-format extras
 */
public record UniversalRequest(Optional<String> model, List<Message> messages, UniversalParams params) {

  /** Copies the messages and normalizes nulls. */
  public UniversalRequest {
    model = LinguaJson.opt(model);
    messages = messages == null ? List.of() : List.copyOf(messages);
    params = params == null ? UniversalParams.EMPTY : params;
  }

  /** A request from its parts (null model for none). */
  public static UniversalRequest of(String model, List<Message> messages, UniversalParams params) {
    return new UniversalRequest(Optional.ofNullable(model), messages, params);
  }

  /** Whether the response must be JSON (a json_object or json_schema response format). */
  public boolean requiresJsonResponse() {
    return params.responseFormat().map(ResponseFormat::requiresJsonResponse).orElse(false);
  }

  /** A copy with another model. */
  public UniversalRequest withModel(Optional<String> newModel) {
    return new UniversalRequest(newModel, messages, params);
  }

  /** A copy with other messages. */
  public UniversalRequest withMessages(List<Message> newMessages) {
    return new UniversalRequest(model, newMessages, params);
  }

  /** A copy with other parameters. */
  public UniversalRequest withParams(UniversalParams newParams) {
    return new UniversalRequest(model, messages, Objects.requireNonNull(newParams, "params"));
  }
}
