package dev.llmrouter.conformance;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.translate.ModelRules;
import dev.llmrouter.translate.RequestShape;
import dev.llmrouter.translate.RequestTransform;
import dev.llmrouter.translate.Translator;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.FormatCodec;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.openai.ChatCompletionsCodec;
import dev.llmrouter.translate.ir.UniversalResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * Roundtrip vectors. Rule P (pass-through): a request sent to its own format with no model override comes
 * back as the same bytes, unless a model rule forces translation or the strict pass-through check rejects
 * it. Rule R1: the message list converted to the IR and back equals the original; enforced for the files
 * lingua's own roundtrip test covers, tracked for the others.
 */
final class RoundTrips {
  private RoundTrips() {}

  /** Whether the vector is gated (counts under "roundtrip") rather than tracked ("roundtrip-tracked"). */
  static boolean gated(Vector v) {
    return v.flag("linguaRoundtripTest") || passthroughApplies(v);
  }

  private static boolean passthroughApplies(Vector v) {
    return (v.payload().equals("request") || v.payload().equals("followup-request"))
        && !v.flag("errorSnapshot");
  }

  static Optional<String> check(Vector v) {
    if (passthroughApplies(v)) {
      Optional<String> p = passthrough(v);
      if (p.isPresent()) {
        return p;
      }
    }
    return irRoundTrip(v);
  }

  private static Optional<String> passthrough(Vector v) {
    ProviderFormat format = v.ownFormat();
    byte[] input = v.inputBytes();
    RequestTransform t = Translator.transformRequest(input, format, Optional.empty());
    if (t.isPassthrough()) {
      return Arrays.equals(t.body(), input) ? Optional.empty() : Optional.of("pass-through changed the bytes");
    }
    if (ModelRules.forcesChatTranslation(format, RequestShape.scan(input), Optional.empty())) {
      return Optional.empty(); // allowed exception: a model rule rewrites this body
    }
    return Optional.of("P: not passed through (source " + t.sourceFormat() + ", target " + t.targetFormat() + ")");
  }

  /**
   * R1: the message list (or the reply content) through the codec's own parse and serialize comes back
   * canonically equal. For error snapshots only the conversion into the IR must succeed.
   */
  private static Optional<String> irRoundTrip(Vector v) {
    ProviderFormat format = v.ownFormat();
    FormatCodec codec = Translator.codec(format);
    JsonObject input = v.input().asObject().orElseThrow();
    boolean response = v.payload().equals("response");
    JsonObject back;
    if (response) {
      UniversalResponse universal = codec.responseToUniversal(input);
      if (v.flag("errorSnapshot")) {
        return Optional.empty();
      }
      back = codec.responseFromUniversal(universal);
    } else {
      UniversalRequest universal = codec.requestToUniversal(input);
      if (v.flag("errorSnapshot")) {
        return Optional.empty();
      }
      back = codec.requestFromUniversal(universal);
    }
    JsonValue expected = messages(input, format, response);
    JsonValue actual = messages(back, format, response);
    if (expected == null) {
      return Optional.of("R1: the input has no message list for " + format.id());
    }
    if (actual == null) {
      return Optional.of("R1: the round trip lost the message list");
    }
    if (format == ProviderFormat.OPENAI) {
      // R1 compares both sides after the port's typed parse and serialize (corpus README): Chat's typed
      // message structs drop null optionals and members a request message does not have.
      expected = ChatCompletionsCodec.typedMessageView(expected, response);
      actual = ChatCompletionsCodec.typedMessageView(actual, response);
    }
    return ConformanceTest.compareJson(actual, expected).map(d -> "R1: " + d);
  }

  /** The part of a body R1 compares: the message list of a request, the reply content of a response. */
  static JsonValue messages(JsonObject body, ProviderFormat format, boolean response) {
    if (!response) {
      switch (format) {
        case RESPONSES:
          return body.getOrNull("input");
        case GOOGLE:
          return body.getOrNull("contents");
        default:
          return body.getOrNull("messages");
      }
    }
    switch (format) {
      case OPENAI: {
        JsonArray.Builder out = JsonArray.builder();
        for (JsonValue c : body.getArray("choices").orElse(JsonArray.empty())) {
          c.asObject().flatMap(o -> o.get("message")).ifPresent(out::add);
        }
        return out.build();
      }
      case RESPONSES:
        return body.getOrNull("output");
      case GOOGLE: {
        JsonArray.Builder out = JsonArray.builder();
        for (JsonValue c : body.getArray("candidates").orElse(JsonArray.empty())) {
          c.asObject().flatMap(o -> o.get("content")).ifPresent(out::add);
        }
        return out.build();
      }
      case CONVERSE:
        return body.getObject("output").flatMap(o -> o.get("message")).orElse(null);
      default:
        return body.getOrNull("content");
    }
  }
}
