package dev.llmrouter.translate.google;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.ReasoningDelta;
import dev.llmrouter.translate.ir.ReasoningSignature;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.ToolFunctionDelta;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gemini stream chunks ({@code streamGenerateContent?alt=sse}: each event is a complete
 * {@code GenerateContentResponse} holding one candidate set) to and from universal chunks (lingua's
 * GoogleAdapter stream methods).
 */
final class GoogleStreams {
  private GoogleStreams() {}

  private static final JsonObject PLACEHOLDER_CANDIDATE =
      JsonObject.builder()
          .put("index", 0)
          .put(
              "content",
              JsonObject.builder()
                  .put("parts", JsonArray.of(GoogleContents.textPart("")))
                  .put("role", "model")
                  .build())
          .build();

  /**
   * One chunk in universal form: per candidate, the visible text joined, thought text as reasoning
   * deltas, every part's {@code thoughtSignature} as the reasoning signature, each {@code functionCall} as
   * a whole tool call ({@code call_<responseId>_<n>} when Google gives no id), and the finish reason
   * (tool_calls whenever the candidate calls a tool).
   *
   * @throws TranslationException when the chunk has no candidates or a field has the wrong type
   */
  static UniversalStreamChunk toUniversal(JsonObject event) {
    JsonArray candidates = GoogleJson.array(event, "candidates", null);
    if (candidates == null) {
      throw new TranslationException("Google: missing candidates in stream chunk");
    }
    String responseId = GoogleJson.string(event, "responseId", null);
    List<StreamChoice> choices = new ArrayList<>(candidates.size());
    for (JsonValue cv : candidates) {
      choices.add(choice(GoogleJson.element(cv, "candidates[]"), responseId));
    }
    JsonObject usageMetadata = GoogleJson.object(event, "usageMetadata", null);
    UniversalStreamChunk chunk =
        UniversalStreamChunk.of(
            Optional.ofNullable(responseId),
            Optional.ofNullable(GoogleJson.string(event, "modelVersion", null)),
            choices,
            Optional.empty(),
            usageMetadata == null ? Optional.empty() : Optional.of(UniversalUsage.fromGoogle(usageMetadata)));
    return usageMetadata == null
        ? chunk
        : chunk.withServedServiceTier(GoogleResponses.servedTier(usageMetadata));
  }

  private static StreamChoice choice(JsonObject candidate, String responseId) {
    String field = "candidates[].content.parts[]";
    Long index = GoogleJson.i64(candidate, "index", "candidates[]");
    JsonObject content = GoogleJson.object(candidate, "content", "candidates[]");
    JsonArray parts =
        content == null ? null : GoogleJson.array(content, "parts", "candidates[].content");
    // Most chunks carry one text part: its string is used as it is, without a copy.
    String singleText = null;
    StringBuilder text = null;
    List<ReasoningDelta> reasoning = new ArrayList<>();
    List<String> signatures = new ArrayList<>();
    List<ToolCallDelta> toolCalls = new ArrayList<>();
    if (parts != null) {
      for (JsonValue pv : parts) {
        JsonObject part = GoogleJson.element(pv, field);
        String t = GoogleJson.string(part, "text", field);
        if (t != null) {
          if (Boolean.TRUE.equals(GoogleJson.bool(part, "thought", field))) {
            reasoning.add(ReasoningDelta.of(t));
          } else if (text == null && singleText == null) {
            singleText = t;
          } else {
            if (text == null) {
              text = new StringBuilder(singleText);
              singleText = null;
            }
            text.append(t);
          }
        }
        String signature = GoogleJson.string(part, "thoughtSignature", field);
        if (signature != null) {
          signatures.add(signature);
        }
        JsonObject call = GoogleJson.object(part, "functionCall", field);
        if (call != null) {
          int n = toolCalls.size();
          String callField = field + ".functionCall";
          String id = GoogleJson.string(call, "id", callField);
          if (id == null) {
            id =
                responseId == null
                    ? GoogleContents.SYNTHETIC_CALL_ID_PREFIX + n
                    : GoogleContents.SYNTHETIC_CALL_ID_PREFIX + responseId + "_" + n;
          }
          JsonObject args = GoogleJson.object(call, "args", callField);
          toolCalls.add(
              ToolCallDelta.of(
                  n,
                  id,
                  "function",
                  null,
                  ToolFunctionDelta.of(
                      GoogleJson.string(call, "name", callField),
                      args == null ? null : LinguaJson.writeSorted(args))));
        }
      }
    }
    String reason = GoogleJson.string(candidate, "finishReason", "candidates[]");
    Optional<String> finish = Optional.empty();
    if (reason != null) {
      finish =
          Optional.of(
              toolCalls.isEmpty()
                  ? FinishReason.fromProviderString(reason, ProviderFormat.GOOGLE).toString()
                  : FinishReason.TOOL_CALLS.toString());
    }
    StreamDelta delta =
        new StreamDelta(
            Optional.of("assistant"),
            Optional.of(text != null ? text.toString() : singleText != null ? singleText : ""),
            toolCalls,
            reasoning,
            ReasoningSignature.fromValues(signatures));
    return StreamChoice.of(index == null ? 0 : index.intValue(), delta, finish);
  }

  /**
   * One universal chunk as a Gemini stream chunk: thought parts (the signature on the last one when the
   * delta has only reasoning), a text part (carrying a single signature), signature-only thought parts
   * for several text signatures, and {@code functionCall} parts with positional signatures. A keep-alive or
   * choice-less chunk (usage only) gets a placeholder candidate, since Gemini chunks always have one.
   *
   * @throws TranslationException when the signatures cannot be placed on Gemini parts
   */
  static JsonObject fromUniversal(UniversalStreamChunk chunk) {
    JsonArray.Builder candidates = JsonArray.builder();
    for (StreamChoice c : chunk.choices()) {
      candidates.add(candidate(c));
    }
    if (chunk.isKeepAlive() || candidates.isEmpty()) {
      candidates.add(PLACEHOLDER_CANDIDATE);
    }
    JsonObject.Builder out = JsonObject.builder().put("candidates", candidates.build());
    chunk.id().ifPresent(id -> out.put("responseId", id));
    chunk.model().ifPresent(m -> out.put("modelVersion", m));
    GoogleResponses.usageMetadata(chunk.usage(), chunk.servedServiceTier())
        .ifPresent(u -> out.put("usageMetadata", u));
    return out.build();
  }

  private static JsonObject candidate(StreamChoice c) {
    StreamDelta d = c.deltaView().orElse(null);
    List<ReasoningDelta> reasoning = d == null ? List.of() : d.reasoning();
    List<ToolCallDelta> toolCalls = d == null ? List.of() : d.toolCalls();
    ReasoningSignature signature = d == null ? null : d.reasoningSignature().orElse(null);
    if (!reasoning.isEmpty() && signature != null && !signature.single()) {
      throw new TranslationException(
          "multiple reasoning signatures cannot be represented with one Google thought stream delta");
    }
    String text = d == null ? "" : d.content().orElse("");
    int functionCalls = 0;
    for (ToolCallDelta tc : toolCalls) {
      if (tc.function().isPresent()) {
        functionCalls++;
      }
    }
    List<String> callSignatures = null;
    if (functionCalls > 0 && signature != null) {
      if (signature.single()) {
        callSignatures = new ArrayList<>(functionCalls);
        for (int i = 0; i < functionCalls; i++) {
          callSignatures.add(signature.values().get(0));
        }
      } else {
        if (signature.values().size() != functionCalls) {
          throw new TranslationException(
              "reasoning_signature contains "
                  + signature.values().size()
                  + " entries for "
                  + functionCalls
                  + " function tool calls");
        }
        callSignatures = signature.values();
      }
    }
    // Signatures that go on text parts: only without function calls, and only when there is visible text
    // or no reasoning to carry them.
    List<String> textSignatures =
        signature != null && functionCalls == 0 && (!text.isEmpty() || reasoning.isEmpty())
            ? signature.values()
            : List.of();

    JsonArray.Builder parts = JsonArray.builder();
    List<String> reasoningTexts = new ArrayList<>(reasoning.size());
    for (ReasoningDelta r : reasoning) {
      r.content().filter(s -> !s.isEmpty()).ifPresent(reasoningTexts::add);
    }
    String thoughtSignature =
        signature != null && !reasoningTexts.isEmpty() && text.isEmpty() && functionCalls == 0
            ? signature.values().get(0)
            : null;
    for (int i = 0; i < reasoningTexts.size(); i++) {
      JsonObject.Builder part =
          JsonObject.builder().put("text", reasoningTexts.get(i)).put("thought", true);
      if (i == reasoningTexts.size() - 1 && thoughtSignature != null) {
        part.put("thoughtSignature", thoughtSignature);
      }
      parts.add(part.build());
    }
    if (textSignatures.size() > 1) {
      for (String s : textSignatures) {
        parts.add(
            JsonObject.builder().put("text", "").put("thought", true).put("thoughtSignature", s).build());
      }
    }
    if (!text.isEmpty() || textSignatures.size() == 1) {
      JsonObject.Builder part = JsonObject.builder().put("text", text);
      if (textSignatures.size() == 1) {
        part.put("thoughtSignature", textSignatures.get(0));
      }
      parts.add(part.build());
    }
    int callIndex = 0;
    for (ToolCallDelta tc : toolCalls) {
      if (tc.function().isEmpty()) {
        continue;
      }
      ToolFunctionDelta f = tc.function().get();
      JsonObject.Builder call = JsonObject.builder();
      f.name().ifPresent(n -> call.put("name", n));
      tc.id().ifPresent(id -> call.put("id", id));
      if (f.arguments().isPresent()) {
        String args = f.arguments().get();
        if (args.isEmpty()) {
          call.put("args", JsonObject.empty());
        } else {
          // lingua drops arguments that are not valid JSON.
          LinguaJson.tryParse(args).ifPresent(v -> call.put("args", v));
        }
      }
      JsonObject.Builder part = JsonObject.builder().put("functionCall", call.build());
      if (callSignatures != null && callIndex < callSignatures.size()) {
        part.put("thoughtSignature", callSignatures.get(callIndex));
      }
      parts.add(part.build());
      callIndex++;
    }
    if (parts.isEmpty()) {
      parts.add(GoogleContents.textPart(""));
    }
    JsonObject.Builder candidate =
        JsonObject.builder()
            .put("index", JsonNumber.of(c.index()))
            .put(
                "content",
                JsonObject.builder().put("parts", parts.build()).put("role", "model").build());
    c.finishReason()
        .ifPresent(
            r -> candidate.put("finishReason", FinishReason.parse(r).toProviderString(ProviderFormat.GOOGLE)));
    return candidate.build();
  }
}
