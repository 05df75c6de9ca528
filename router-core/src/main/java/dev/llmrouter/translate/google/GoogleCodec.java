package dev.llmrouter.translate.google;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.FormatCodec;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.Optional;

/**
 * The Google Gemini {@code generateContent} codec (lingua's providers/google: adapter.rs, convert.rs,
 * capabilities.rs, detect.rs, params.rs). Model-gated choices (thinkingLevel vs thinkingBudget, the
 * thinking opt-out, the dummy thought signature) come from {@link dev.llmrouter.translate.rules.GoogleRules}.
 *
 * <p>Requests: {@code contents} become messages; {@code generationConfig} gives sampling, token budget,
 * stop sequences, reasoning and response format; {@code tools} / {@code toolConfig} give tools and tool
 * choice; unknown top-level keys are kept as Google extras. Out of the IR the request carries {@code model},
 * every system message in {@code systemInstruction}, merged same-role neighbours, tool-result names filled
 * from the calls, and function declarations with {@code parametersJsonSchema}.
 *
 * <p>Responses and stream chunks: candidates become assistant messages / choices; thought parts are
 * reasoning; function calls are tool calls with synthetic {@code call_} ids and force the tool_calls finish
 * reason; usage follows Gemini's token accounting.
 */
public final class GoogleCodec implements FormatCodec {

  @Override
  public ProviderFormat format() {
    return ProviderFormat.GOOGLE;
  }

  /** A {@code contents} array of content objects (lingua's try_parse_google). */
  @Override
  public boolean detectRequest(JsonObject body) {
    if (!(body.getOrNull("contents") instanceof JsonArray contents)) {
      return false;
    }
    for (JsonValue c : contents) {
      if (!(c instanceof JsonObject)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public UniversalRequest requestToUniversal(JsonObject body) {
    return GoogleRequests.toUniversal(body);
  }

  @Override
  public boolean requestRequiresJsonResponse(JsonObject body) {
    return GoogleRequests.requiresJsonResponse(body);
  }

  @Override
  public UniversalRequest applyDefaults(UniversalRequest request) {
    return GoogleRequests.applyDefaults(request);
  }

  @Override
  public JsonObject requestFromUniversal(UniversalRequest request) {
    return GoogleRequests.fromUniversal(request);
  }

  /** {@code candidates}, or a blocked prompt ({@code promptFeedback.blockReason}). */
  @Override
  public boolean detectResponse(JsonObject body) {
    return GoogleResponses.hasCandidates(body) || GoogleResponses.promptBlocked(body);
  }

  @Override
  public UniversalResponse responseToUniversal(JsonObject body) {
    return GoogleResponses.toUniversal(body);
  }

  @Override
  public JsonObject responseFromUniversal(UniversalResponse response) {
    return GoogleResponses.fromUniversal(response);
  }

  /** {@code candidates} on a chunk whose prompt was not blocked. */
  @Override
  public boolean detectStreamEvent(JsonObject event) {
    return GoogleResponses.hasCandidates(event) && !GoogleResponses.promptBlocked(event);
  }

  @Override
  public Optional<UniversalStreamChunk> streamToUniversal(JsonObject event) {
    return Optional.of(GoogleStreams.toUniversal(event));
  }

  @Override
  public JsonObject streamFromUniversal(UniversalStreamChunk chunk) {
    return GoogleStreams.fromUniversal(chunk);
  }
}
