package dev.llmrouter.translate.google;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.Defaults;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.MediaReferences;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gemini {@code Content} objects to and from universal messages (lingua's google/convert.rs, the
 * {@code TryFromLLM} impls between {@code Content} and {@code Message}).
 *
 * <p>Into the IR: a {@code model} content is an assistant message (thought text is reasoning with its
 * signature, other text keeps its {@code thoughtSignature} as encrypted content, {@code functionCall} is a
 * tool call with a positional {@code call_<n>} id when Google gives none, {@code executableCode} /
 * {@code codeExecutionResult} are empty text parts carrying the part in provider options, inline data is a
 * file); any other role is a user message, or a tool message when it holds {@code functionResponse}
 * parts. Out of the IR, the reverse; synthetic {@code call_} ids are not written back.
 */
final class GoogleContents {
  private GoogleContents() {}

  /** Prefix of the ids synthesized for function calls and responses that Google sends without one. */
  static final String SYNTHETIC_CALL_ID_PREFIX = "call_";

  /** Provider-option key of an {@code executableCode} part kept on an empty text part. */
  static final String EXECUTABLE_CODE = "executable_code";
  /** Provider-option key of a {@code codeExecutionResult} part kept on an empty text part. */
  static final String CODE_EXECUTION_RESULT = "code_execution_result";

  private static final String[] EXECUTABLE_CODE_KEYS = {"code", "id", "language"};
  private static final String[] CODE_EXECUTION_RESULT_KEYS = {"id", "outcome", "output"};

  // ---------------------------------------------------------------------------------------------
  // Google -> universal
  // ---------------------------------------------------------------------------------------------

  /**
   * Converts a list of contents.
   *
   * @param field the JSON path of the list, for error messages
   */
  static List<Message> toMessages(JsonArray contents, String field) {
    String element = field + "[]";
    String parts = element + ".parts[]";
    List<Message> out = new ArrayList<>(contents.size());
    for (JsonValue v : contents) {
      out.add(toMessage(GoogleJson.element(v, element), element, parts));
    }
    return out;
  }

  /**
   * Converts one content.
   *
   * @param field the JSON path of the content, for error messages
   * @param partsField the JSON path of its parts ({@code field + ".parts[]"})
   * @throws TranslationException without a role, or without parts for a non-model role
   */
  static Message toMessage(JsonObject content, String field, String partsField) {
    String role = GoogleJson.string(content, "role", field);
    if (role == null) {
      throw new TranslationException(
          "Google: Missing required field: role (field " + GoogleJson.path(field, "role") + ")");
    }
    JsonArray parts = GoogleJson.array(content, "parts", field);
    boolean model = role.equals("model");
    if (parts == null) {
      if (!model) {
        // Only model turns may omit parts (Gemini drops them when MAX_TOKENS is hit).
        throw new TranslationException(
            "Google: Missing required field: parts (field " + GoogleJson.path(field, "parts") + ")");
      }
      parts = JsonArray.empty();
    }
    return model ? assistantMessage(parts, partsField) : userOrToolMessage(parts, partsField);
  }

  private static Message assistantMessage(JsonArray parts, String field) {
    List<Part> out = new ArrayList<>(parts.size());
    int toolCalls = 0;
    for (JsonValue pv : parts) {
      JsonObject part = GoogleJson.element(pv, field);
      String text = GoogleJson.string(part, "text", field);
      String signature = GoogleJson.string(part, "thoughtSignature", field);
      if (text != null) {
        if (Boolean.TRUE.equals(GoogleJson.bool(part, "thought", field))) {
          out.add(new ReasoningPart(text, Optional.ofNullable(signature)));
        } else {
          out.add(
              new TextPart(text, Optional.ofNullable(signature), Optional.empty(), Optional.empty()));
        }
        continue;
      }
      JsonObject code = GoogleJson.object(part, "executableCode", field);
      if (code != null) {
        out.add(codeTextPart(EXECUTABLE_CODE, GoogleJson.known(code, EXECUTABLE_CODE_KEYS)));
        continue;
      }
      JsonObject result = GoogleJson.object(part, "codeExecutionResult", field);
      if (result != null) {
        out.add(
            codeTextPart(CODE_EXECUTION_RESULT, GoogleJson.known(result, CODE_EXECUTION_RESULT_KEYS)));
        continue;
      }
      JsonObject call = GoogleJson.object(part, "functionCall", field);
      if (call != null) {
        String callField = field + ".functionCall";
        String name = GoogleJson.string(call, "name", callField);
        if (name == null) {
          // lingua skips a function call without a name.
          continue;
        }
        JsonObject args = GoogleJson.object(call, "args", callField);
        String id = GoogleJson.string(call, "id", callField);
        if (id == null) {
          // Google omits ids; a positional synthetic id lets other formats pair calls and results.
          id = SYNTHETIC_CALL_ID_PREFIX + toolCalls;
        }
        toolCalls++;
        out.add(
            ToolCallPart.builder()
                .toolCallId(id)
                .toolName(name)
                // lingua serializes missing args as the text "null", which is not an object.
                .arguments(args == null ? ToolArguments.invalid("null") : ToolArguments.valid(args))
                .encryptedContent(signature)
                .build());
        continue;
      }
      JsonObject blob = GoogleJson.object(part, "inlineData", field);
      if (blob != null) {
        String data = GoogleJson.string(blob, "data", field + ".inlineData");
        if (data != null) {
          String mime = GoogleJson.string(blob, "mimeType", field + ".inlineData");
          out.add(FilePart.of(data, mime == null ? Defaults.DEFAULT_MIME_TYPE : mime));
        }
      }
      // Other part kinds (fileData, functionResponse, toolCall, ... in a model turn) have no universal
      // form; lingua drops them too.
    }
    return Message.assistant(out);
  }

  private static TextPart codeTextPart(String key, JsonObject value) {
    return new TextPart(
        "", Optional.empty(), Optional.empty(), Optional.of(JsonObject.of(key, value)));
  }

  private static Message userOrToolMessage(JsonArray parts, String field) {
    List<Part> userParts = new ArrayList<>(parts.size());
    List<Part> toolParts = null;
    for (JsonValue pv : parts) {
      JsonObject part = GoogleJson.element(pv, field);
      String text = GoogleJson.string(part, "text", field);
      if (text != null) {
        userParts.add(TextPart.of(text));
        continue;
      }
      JsonObject blob = GoogleJson.object(part, "inlineData", field);
      if (blob != null) {
        String data = GoogleJson.string(blob, "data", field + ".inlineData");
        if (data != null) {
          String mime = GoogleJson.string(blob, "mimeType", field + ".inlineData");
          userParts.add(media(data, mime));
        }
        continue;
      }
      JsonObject file = GoogleJson.object(part, "fileData", field);
      if (file != null) {
        String uri = GoogleJson.string(file, "fileUri", field + ".fileData");
        if (uri != null) {
          String mime = GoogleJson.string(file, "mimeType", field + ".fileData");
          userParts.add(media(uri, mime));
        }
        continue;
      }
      JsonObject response = GoogleJson.object(part, "functionResponse", field);
      if (response != null) {
        String responseField = field + ".functionResponse";
        String name = GoogleJson.string(response, "name", responseField);
        if (name == null) {
          // lingua skips a function response without a name.
          continue;
        }
        JsonObject output = GoogleJson.object(response, "response", responseField);
        if (toolParts == null) {
          toolParts = new ArrayList<>();
        }
        String id = GoogleJson.string(response, "id", responseField);
        if (id == null) {
          id = SYNTHETIC_CALL_ID_PREFIX + toolParts.size();
        }
        toolParts.add(
            ToolResultPart.of(id, name, output == null ? JsonNull.INSTANCE : (JsonValue) output));
      }
      // Other part kinds have no universal form; lingua drops them too.
    }
    if (toolParts != null) {
      // lingua keeps only the function responses of a turn that has any (text beside them is dropped).
      return Message.tool(toolParts);
    }
    if (userParts.size() == 1 && userParts.get(0) instanceof TextPart t) {
      return Message.user(t.text());
    }
    return Message.user(userParts);
  }

  private static Part media(String data, String mime) {
    String type = mime == null ? Defaults.DEFAULT_MIME_TYPE : mime;
    if (type.startsWith("image/")) {
      return new ImagePart(JsonString.of(data), Optional.of(type), Optional.empty());
    }
    return FilePart.of(data, type);
  }

  // ---------------------------------------------------------------------------------------------
  // Universal -> Google
  // ---------------------------------------------------------------------------------------------

  /** Whether a message holds only tool-discovery parts (Google has no equivalent; lingua drops it). */
  static boolean isDiscoveryOnly(Message m) {
    if (m.role() == Role.ASSISTANT && !m.stringContent()) {
      if (m.content().isEmpty()) {
        return false;
      }
      for (Part p : m.content()) {
        if (!(p instanceof ToolDiscoveryCallPart)) {
          return false;
        }
      }
      return true;
    }
    if (m.role() == Role.TOOL) {
      if (m.content().isEmpty()) {
        return false;
      }
      for (Part p : m.content()) {
        if (!(p instanceof ToolDiscoveryResultPart)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Prefix of OpenAI's encrypted reasoning content (a Fernet token: base64 of version byte 0x80). A Gemini
   * thought signature is a provider-issued protobuf and can never start like this.
   */
  static final String OPENAI_ENCRYPTED_CONTENT_PREFIX = "gAAAAA";

  /**
   * One message as a Gemini content: {@code {parts?, role}}, with {@code parts} left out when nothing
   * could be converted.
   *
   * @param request whether the content goes into a request, where replaying OpenAI encrypted reasoning as
   *     a thought signature is refused (Gemini validates signatures; lingua's corpus records this case as
   *     an expected client error)
   * @throws TranslationException for additional-tools messages, URL files of unknown type, and OpenAI
   *     encrypted reasoning in a request
   */
  static JsonObject fromMessage(Message m, boolean request) {
    JsonArray.Builder parts = JsonArray.builder();
    String role;
    switch (m.role()) {
      case SYSTEM:
      case DEVELOPER:
        // Only reached for responses: requests move system messages into systemInstruction.
        role = "user";
        parts.add(textPart("System: " + concatenatedText(m)));
        break;
      case USER:
        role = "user";
        for (Part p : m.content()) {
          userPart(p, parts);
        }
        break;
      case ASSISTANT:
        role = "model";
        for (Part p : m.content()) {
          assistantPart(p, parts, request);
        }
        break;
      case TOOL:
        role = "user";
        for (Part p : m.content()) {
          if (p instanceof ToolResultPart r) {
            parts.add(functionResponse(r));
          }
        }
        break;
      default:
        throw new TranslationException(
            "Unsupported mapping: cannot convert Message::AdditionalTools to Google Content");
    }
    JsonObject.Builder content = JsonObject.builder();
    if (!parts.isEmpty()) {
      content.put("parts", parts.build());
    }
    return content.put("role", role).build();
  }

  private static String concatenatedText(Message m) {
    StringBuilder sb = new StringBuilder();
    for (Part p : m.content()) {
      if (p instanceof TextPart t) {
        sb.append(t.text());
      }
    }
    return sb.toString();
  }

  static JsonObject textPart(String text) {
    return JsonObject.of("text", JsonString.of(text));
  }

  private static JsonObject blob(String mime, String data) {
    JsonObject.Builder b = JsonObject.builder();
    if (data != null) {
      b.put("data", data);
    }
    if (mime != null) {
      b.put("mimeType", mime);
    }
    return JsonObject.of("inlineData", b.build());
  }

  private static JsonObject fileData(String uri, String mime) {
    return JsonObject.of(
        "fileData", JsonObject.builder().put("fileUri", uri).put("mimeType", mime).build());
  }

  private static void userPart(Part p, JsonArray.Builder out) {
    if (p instanceof TextPart t) {
      out.add(textPart(t.text()));
    } else if (p instanceof ImagePart img) {
      if (!(img.image() instanceof JsonString s)) {
        return; // lingua only converts string images
      }
      String data = s.value();
      MediaReferences.DataUrl url = MediaReferences.parseBase64DataUrl(data).orElse(null);
      if (url != null) {
        out.add(blob(url.mediaType(), url.data()));
      } else if (MediaReferences.isRemoteMediaUri(data)) {
        String mime = img.mediaType().orElse(null);
        if (mime == null) {
          mime = MediaReferences.inferMimeTypeFromReference(null, data).orElse(null);
          if (mime == null) {
            mime = Defaults.DEFAULT_MIME_TYPE;
          }
        }
        out.add(fileData(data, mime));
      } else {
        out.add(blob(img.mediaType().orElse(Defaults.DEFAULT_MIME_TYPE), data));
      }
    } else if (p instanceof FilePart f) {
      if (!(f.data() instanceof JsonString s)) {
        return; // lingua only converts string file data
      }
      String data = s.value();
      MediaReferences.DataUrl url = MediaReferences.parseBase64DataUrl(data).orElse(null);
      if (url != null) {
        out.add(blob(url.mediaType(), url.data()));
      } else if (MediaReferences.isRemoteMediaUri(data)) {
        String mime =
            f.mediaType().equals("application/octet-stream")
                ? MediaReferences.inferMimeTypeFromReference(f.filename().orElse(null), data).orElse(null)
                : f.mediaType();
        if (mime == null) {
          throw new TranslationException(
              "Unsupported mapping from URL-backed file with an unknown MIME type to Google fileData "
                  + "(provide a recognized filename or MIME-bearing data URL)");
        }
        out.add(fileData(data, mime));
      } else {
        out.add(blob(f.mediaType(), data));
      }
    }
  }

  private static String signature(Optional<String> encryptedContent, boolean request) {
    if (encryptedContent.isEmpty()) {
      return null;
    }
    String sig = encryptedContent.get();
    if (request && sig.startsWith(OPENAI_ENCRYPTED_CONTENT_PREFIX)) {
      throw new TranslationException(
          "Google cannot replay OpenAI encrypted reasoning content as a thought signature: thought "
              + "signatures are issued by Gemini and have no lossless equivalent");
    }
    return sig;
  }

  private static void assistantPart(Part p, JsonArray.Builder out, boolean request) {
    if (p instanceof TextPart t) {
      JsonObject code = codePart(t);
      if (code != null) {
        out.add(code);
        return;
      }
      JsonObject.Builder b = JsonObject.builder().put("text", t.text());
      String sig = signature(t.encryptedContent(), request);
      if (sig != null) {
        b.put("thoughtSignature", sig);
      }
      out.add(b.build());
    } else if (p instanceof ToolCallPart c) {
      JsonObject.Builder call = JsonObject.builder();
      JsonObject args = argsObject(c.arguments());
      if (args != null) {
        call.put("args", args);
      }
      if (isRealCallId(c.toolCallId())) {
        call.put("id", c.toolCallId());
      }
      call.put("name", c.toolName());
      JsonObject.Builder b = JsonObject.builder().put("functionCall", call.build());
      String sig = signature(c.encryptedContent(), request);
      if (sig != null) {
        b.put("thoughtSignature", sig);
      }
      out.add(b.build());
    } else if (p instanceof ReasoningPart r) {
      JsonObject.Builder b = JsonObject.builder().put("text", r.text()).put("thought", true);
      String sig = signature(r.encryptedContent(), request);
      if (sig != null) {
        b.put("thoughtSignature", sig);
      }
      out.add(b.build());
    } else if (p instanceof FilePart f) {
      out.add(blob(f.mediaType(), f.data() instanceof JsonString s ? s.value() : null));
    }
    // Program, discovery and server tool-result parts have no Gemini form; lingua drops them too.
  }

  /** The executableCode / codeExecutionResult part kept in a text part's provider options, if any. */
  private static JsonObject codePart(TextPart t) {
    if (t.providerOptions().isEmpty()) {
      return null;
    }
    JsonObject options = t.providerOptions().get();
    if (options.getOrNull(EXECUTABLE_CODE) instanceof JsonObject code) {
      return JsonObject.of("executableCode", GoogleJson.known(code, EXECUTABLE_CODE_KEYS));
    }
    if (options.getOrNull(CODE_EXECUTION_RESULT) instanceof JsonObject result) {
      return JsonObject.of(
          "codeExecutionResult", GoogleJson.known(result, CODE_EXECUTION_RESULT_KEYS));
    }
    return null;
  }

  /** The arguments as an object: valid arguments, or invalid/custom text that parses as an object. */
  private static JsonObject argsObject(ToolArguments arguments) {
    if (arguments instanceof ToolArguments.Valid v) {
      return v.value();
    }
    Optional<JsonValue> parsed = LinguaJson.tryParse(arguments.text());
    return parsed.isPresent() && parsed.get() instanceof JsonObject o ? o : null;
  }

  /** Whether a call id came from the provider (not empty and not one of our synthetic ids). */
  private static boolean isRealCallId(String id) {
    return !id.isEmpty() && !id.startsWith(SYNTHETIC_CALL_ID_PREFIX);
  }

  private static JsonObject functionResponse(ToolResultPart r) {
    JsonObject.Builder fr = JsonObject.builder();
    if (isRealCallId(r.toolCallId())) {
      fr.put("id", r.toolCallId());
    }
    fr.put("name", r.toolName());
    JsonValue output = r.output();
    if (output instanceof JsonObject o) {
      fr.put("response", o);
    } else if (!output.isNull()) {
      // Google's response must be an object: other values are wrapped.
      fr.put("response", JsonObject.of("output", output));
    }
    return JsonObject.of("functionResponse", fr.build());
  }
}
