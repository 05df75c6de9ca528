package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;

/**
 * A tool (or one of its features) cannot be expressed in the target format (lingua's
 * {@code ConvertError::UnsupportedToolType}). Batch conversions catch some of these to drop tools lingua
 * drops silently; see {@link Tools#toOpenAIChat(java.util.List)}.
 */
public class UnsupportedToolTypeException extends TranslationException {
  private final String toolName;
  private final String toolType;
  private final ProviderFormat targetFormat;

  /** A failure for tool {@code toolName}, whose {@code toolType} {@code targetFormat} cannot carry. */
  public UnsupportedToolTypeException(String toolName, String toolType, ProviderFormat targetFormat) {
    super(
        "Tool '"
            + toolName
            + "' of type '"
            + toolType
            + "' is not supported by "
            + targetFormat
            + " (field tools)");
    this.toolName = toolName;
    this.toolType = toolType;
    this.targetFormat = targetFormat;
  }

  /** The tool's name. */
  public String toolName() {
    return toolName;
  }

  /** The unsupported type or feature ({@code allowed_callers}, {@code blocked_domains}, a builtin type ...). */
  public String toolType() {
    return toolType;
  }

  /** The format that cannot carry it. */
  public ProviderFormat targetFormat() {
    return targetFormat;
  }
}
