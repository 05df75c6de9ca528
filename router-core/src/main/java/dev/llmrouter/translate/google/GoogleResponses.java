package dev.llmrouter.translate.google;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gemini {@code GenerateContentResponse} bodies to and from universal form (lingua's GoogleAdapter). */
final class GoogleResponses {
  private GoogleResponses() {}

  /** Whether the prompt was blocked ({@code promptFeedback.blockReason} is set). */
  static boolean promptBlocked(JsonObject body) {
    return body.getOrNull("promptFeedback") instanceof JsonObject feedback
        && GoogleJson.value(feedback, "blockReason") != null;
  }

  /** Whether the body has a {@code candidates} array. */
  static boolean hasCandidates(JsonObject body) {
    return body.getOrNull("candidates") instanceof JsonArray;
  }

  /** Gemini's {@code usageMetadata.serviceTier} as a served tier; empty when absent or unknown. */
  static Optional<ServedServiceTier> servedTier(JsonObject usageMetadata) {
    if (usageMetadata == null) {
      return Optional.empty();
    }
    String tier = GoogleJson.value(usageMetadata, "serviceTier") instanceof dev.llmrouter.json.JsonString s
        ? s.value()
        : null;
    if (tier == null) {
      return Optional.empty();
    }
    switch (tier) {
      case "flex":
        return Optional.of(ServedServiceTier.FLEX);
      case "priority":
        return Optional.of(ServedServiceTier.PRIORITY);
      case "standard":
        return Optional.of(ServedServiceTier.STANDARD);
      case "unspecified":
        return Optional.of(ServedServiceTier.UNSPECIFIED);
      default:
        return Optional.empty();
    }
  }

  /** A served tier as Gemini's {@code serviceTier}; null for tiers Gemini has no name for. */
  static String googleTier(ServedServiceTier tier) {
    switch (tier) {
      case FLEX:
        return "flex";
      case PRIORITY:
        return "priority";
      case STANDARD:
        return "standard";
      case UNSPECIFIED:
        return "unspecified";
      default:
        return null;
    }
  }

  /**
   * A response in universal form: one assistant message per candidate with content, the finish reason
   * forced to tool_calls when any call is present, a blocked prompt as an empty message with
   * content_filter, usage from {@code usageMetadata}, the model from {@code modelVersion}. Gemini responses
   * carry no id.
   */
  static UniversalResponse toUniversal(JsonObject body) {
    JsonArray candidates = GoogleJson.array(body, "candidates", null);
    List<Message> messages = new ArrayList<>(candidates == null ? 1 : candidates.size());
    List<FinishReason> reasons = new ArrayList<>(messages.size());
    if (candidates != null) {
      for (JsonValue cv : candidates) {
        JsonObject candidate = GoogleJson.element(cv, "candidates[]");
        JsonObject content = GoogleJson.object(candidate, "content", "candidates[]");
        if (content != null) {
          messages.add(
              GoogleContents.toMessage(
                  content, "candidates[].content", "candidates[].content.parts[]"));
        }
        String reason = GoogleJson.string(candidate, "finishReason", "candidates[]");
        if (reason != null) {
          reasons.add(FinishReason.fromGoogleResponse(reason));
        }
      }
    }
    boolean toolCalls = false;
    for (Message m : messages) {
      if (m.role() == Role.ASSISTANT && !m.stringContent()) {
        for (Part p : m.content()) {
          if (p instanceof ToolCallPart) {
            toolCalls = true;
            break;
          }
        }
      }
    }
    if (messages.isEmpty() && promptBlocked(body)) {
      messages.add(Message.assistant(List.of()));
      reasons.add(FinishReason.CONTENT_FILTER);
    }
    JsonObject usageMetadata = GoogleJson.object(body, "usageMetadata", null);
    UniversalResponse.Builder b =
        UniversalResponse.builder()
            .model(GoogleJson.string(body, "modelVersion", null))
            .messages(messages)
            .finishReasons(reasons)
            .finishReason(
                toolCalls ? FinishReason.TOOL_CALLS : reasons.isEmpty() ? null : reasons.get(0));
    if (usageMetadata != null) {
      b.usage(UniversalUsage.fromGoogle(usageMetadata));
      servedTier(usageMetadata).ifPresent(b::servedServiceTier);
    }
    return b.build();
  }

  /**
   * A Gemini response body: one candidate per message (every candidate gets the response's finish
   * reason, STOP by default), {@code modelVersion}, and {@code usageMetadata} with the served tier. A
   * response with a finish reason but no messages gets one content-less candidate.
   */
  static JsonObject fromUniversal(UniversalResponse resp) {
    String finish = resp.finishReason().map(r -> r.toProviderString(ProviderFormat.GOOGLE)).orElse("STOP");
    JsonArray.Builder candidates = JsonArray.builder();
    if (resp.messages().isEmpty() && resp.finishReason().isPresent()) {
      candidates.add(JsonObject.builder().put("index", 0).put("finishReason", finish).build());
    } else {
      int index = 0;
      for (Message m : resp.messages()) {
        if (GoogleContents.isDiscoveryOnly(m)) {
          continue;
        }
        candidates.add(
            JsonObject.builder()
                .put("index", index++)
                .put("content", GoogleContents.fromMessage(m, false))
                .put("finishReason", finish)
                .build());
      }
    }
    JsonObject.Builder out = JsonObject.builder().put("candidates", candidates.build());
    resp.model().ifPresent(m -> out.put("modelVersion", m));
    usageMetadata(resp.usage(), resp.servedServiceTier()).ifPresent(u -> out.put("usageMetadata", u));
    return out.build();
  }

  /** Gemini usageMetadata from usage and the served tier; empty when neither is known. */
  static Optional<JsonObject> usageMetadata(
      Optional<UniversalUsage> usage, Optional<ServedServiceTier> tier) {
    String googleTier = tier.map(GoogleResponses::googleTier).orElse(null);
    if (usage.isEmpty() && googleTier == null) {
      return Optional.empty();
    }
    JsonObject metadata = usage.map(UniversalUsage::toGoogleUsageMetadata).orElse(JsonObject.empty());
    return Optional.of(googleTier == null ? metadata : metadata.with("serviceTier", JsonValue.of(googleTier)));
  }
}
