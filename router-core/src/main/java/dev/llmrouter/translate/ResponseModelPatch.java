package dev.llmrouter.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmrouter.json.Json;
import dev.llmrouter.json.JsonSplice;
import dev.llmrouter.json.MemberSpan;
import dev.llmrouter.json.TopLevelMembers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces the {@code "model":"transformed"} placeholder a translated response gets when its source had
 * no model (Bedrock Converse, for one) with the route's model. Only the top-level value is touched, and
 * only when it is exactly the placeholder.
 */
public final class ResponseModelPatch {
  /** The placeholder the translation layer writes. */
  public static final String PLACEHOLDER = "transformed";

  private static final byte[] NEEDLE = "\"transformed\"".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> MODEL = Set.of("model");

  private ResponseModelPatch() {}

  /** {@code body} with a top-level placeholder model replaced; the same array when there is none. */
  public static byte[] replaceTransformedModel(byte[] body, String model) {
    if (!contains(body, NEEDLE)) {
      return body;
    }
    Optional<TopLevelMembers> members;
    try {
      members = TopLevelMembers.scan(body, MODEL);
    } catch (JsonProcessingException e) {
      return body;
    }
    Optional<MemberSpan> span = members.flatMap(m -> m.get("model"));
    if (span.isEmpty()
        || span.get().valueToken() != JsonToken.VALUE_STRING
        || !span.get().valueText(body).equals("\"" + PLACEHOLDER + "\"")) {
      return body;
    }
    return JsonSplice.replaceValue(body, span.get(), Json.quote(model));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
