package dev.llmrouter.translate;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.translate.anthropic.AnthropicCodec;
import dev.llmrouter.translate.anthropic.BedrockAnthropicCodec;
import dev.llmrouter.translate.anthropic.VertexAnthropicCodec;
import dev.llmrouter.translate.converse.ConverseCodec;
import dev.llmrouter.translate.google.GoogleCodec;
import dev.llmrouter.translate.openai.ChatCompletionsCodec;
import dev.llmrouter.translate.responses.ResponsesCodec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codec of each wire format, in lingua's detection priority order (Responses, Converse, Anthropic,
 * Bedrock-Anthropic, Vertex-Anthropic, Google, Chat Completions). Mistral and unknown formats have none:
 * their bodies are forwarded as they are.
 */
public final class Codecs {
  private static final List<FormatCodec> ALL =
      List.of(
          new ResponsesCodec(),
          new ConverseCodec(),
          new AnthropicCodec(),
          new BedrockAnthropicCodec(),
          new VertexAnthropicCodec(),
          new GoogleCodec(),
          new ChatCompletionsCodec());
  private static final Map<ProviderFormat, FormatCodec> BY_FORMAT = new EnumMap<>(ProviderFormat.class);

  static {
    for (FormatCodec c : ALL) {
      BY_FORMAT.put(c.format(), c);
    }
  }

  private Codecs() {}

  /** The codec for {@code format}; empty for Mistral and unknown formats. */
  public static Optional<FormatCodec> forFormat(ProviderFormat format) {
    return Optional.ofNullable(BY_FORMAT.get(format));
  }

  /** Every codec in detection priority order. */
  public static List<FormatCodec> all() {
    return ALL;
  }
}
