package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A file part (lingua's {@code File} part), allowed in user-style and assistant content.
 *
 * @param data the file: URL, base64 data or a provider file reference; any JSON value is carried
 * @param filename the file name, when known
 * @param mediaType the MIME type (required)
 * @param providerOptions open provider-specific options (e.g. OpenAI {@code file_id})
 */
public record FilePart(
    JsonValue data, Optional<String> filename, String mediaType, Optional<JsonObject> providerOptions)
    implements Part {

  /** Validates required fields and normalizes null optionals. */
  public FilePart {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(mediaType, "mediaType");
    filename = LinguaJson.opt(filename);
    providerOptions = LinguaJson.opt(providerOptions);
  }

  /** A file given as a string with its media type. */
  public static FilePart of(String data, String mediaType) {
    return new FilePart(JsonString.of(data), Optional.empty(), mediaType, Optional.empty());
  }

  @Override
  public String type() {
    return "file";
  }

  /** The data when it is a string. */
  public Optional<String> dataString() {
    return data.asString();
  }
}
