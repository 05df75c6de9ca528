package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * A text part (lingua's {@code TextContentPart}); allowed for every role with content except tool.
 *
 * @param text the text
 * @param encryptedContent provider-encrypted payload attached to the text (e.g. a Gemini thought signature)
 * @param cacheControl a prompt-cache breakpoint
 * @param providerOptions open provider-specific options (citations, annotations, phase, ...)
 */
public record TextPart(
    String text,
    Optional<String> encryptedContent,
    Optional<CacheControl> cacheControl,
    Optional<JsonObject> providerOptions)
    implements Part {

  /** Validates the text and normalizes null optionals. */
  public TextPart {
    Objects.requireNonNull(text, "text");
    encryptedContent = LinguaJson.opt(encryptedContent);
    cacheControl = LinguaJson.opt(cacheControl);
    providerOptions = LinguaJson.opt(providerOptions);
  }

  /** A text part with nothing but text. */
  public static TextPart of(String text) {
    return new TextPart(text, Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public String type() {
    return "text";
  }

  /** Whether only {@link #text()} is set. */
  public boolean isPlain() {
    return encryptedContent.isEmpty() && cacheControl.isEmpty() && providerOptions.isEmpty();
  }

  /** A copy with other text. */
  public TextPart withText(String newText) {
    return new TextPart(newText, encryptedContent, cacheControl, providerOptions);
  }

  /** A copy with another cache breakpoint (empty removes it). */
  public TextPart withCacheControl(Optional<CacheControl> newCacheControl) {
    return new TextPart(text, encryptedContent, newCacheControl, providerOptions);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this part's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.text = text;
    b.encryptedContent = encryptedContent.orElse(null);
    b.cacheControl = cacheControl.orElse(null);
    b.providerOptions = providerOptions.orElse(null);
    return b;
  }

  /** Builds a {@link TextPart}. */
  public static final class Builder {
    private String text;
    private String encryptedContent;
    private CacheControl cacheControl;
    private JsonObject providerOptions;

    private Builder() {}

    /** Sets the text (required). */
    public Builder text(String v) {
      text = v;
      return this;
    }

    /** Sets or clears (null) the encrypted content. */
    public Builder encryptedContent(String v) {
      encryptedContent = v;
      return this;
    }

    /** Sets or clears (null) the cache control. */
    public Builder cacheControl(CacheControl v) {
      cacheControl = v;
      return this;
    }

    /** Sets or clears (null) the provider options. */
    public Builder providerOptions(JsonObject v) {
      providerOptions = v;
      return this;
    }

    /** The part. */
    public TextPart build() {
      return new TextPart(
          text,
          Optional.ofNullable(encryptedContent),
          Optional.ofNullable(cacheControl),
          Optional.ofNullable(providerOptions));
    }
  }
}
