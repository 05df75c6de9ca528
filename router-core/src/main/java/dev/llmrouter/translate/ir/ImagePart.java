package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * An image part of user-style content (lingua's {@code UserContentPart::Image}).
 *
 * @param image the image: in practice a URL string or raw base64 without the {@code data:} prefix, but any
 *     JSON value is carried
 * @param mediaType the MIME type, when known
 * @param providerOptions open provider-specific options (e.g. OpenAI {@code detail})
 */
public record ImagePart(JsonValue image, Optional<String> mediaType, Optional<JsonObject> providerOptions)
    implements Part {

  /** Validates the image and normalizes null optionals. */
  public ImagePart {
    Objects.requireNonNull(image, "image");
    mediaType = LinguaJson.opt(mediaType);
    providerOptions = LinguaJson.opt(providerOptions);
  }

  /** An image given as a string (URL or base64) with an optional media type. */
  public static ImagePart of(String image, Optional<String> mediaType) {
    return new ImagePart(JsonString.of(image), mediaType, Optional.empty());
  }

  @Override
  public String type() {
    return "image";
  }

  /** The image when it is a string. */
  public Optional<String> imageString() {
    return image.asString();
  }
}
