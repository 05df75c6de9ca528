package dev.llmrouter.translate.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Model- and request-gated rules of the Bedrock Converse codec (lingua's providers/bedrock/adapter.rs,
 * {@code request_from_universal}), as one data table: which {@code inferenceConfig} sampling parameters are
 * left out of a request, and when.
 *
 * <ul>
 *   <li>Claude Opus 4.7+, Sonnet 5+ and Fable models (the Anthropic family whose sampling parameters are
 *       deprecated; the same family test as {@link AnthropicRules#stripsSamplingParams}, which matches
 *       Bedrock ids such as {@code global.anthropic.claude-opus-4-8}): no {@code temperature}, no
 *       {@code topP}.
 *   <li>Extended thinking enabled ({@code additionalModelRequestFields.thinking.type == "enabled"}): no
 *       {@code temperature} (Bedrock then defaults it to 1.0, as thinking requires).
 * </ul>
 *
 * <p>{@code maxTokens} and {@code stopSequences} are never stripped. The {@code inferenceConfig} object is
 * written only when some parameter survives these rules.
 */
public final class ConverseRules {

  /** An {@code inferenceConfig} sampling parameter that a rule can strip. */
  public enum SamplingParam {
    /** {@code inferenceConfig.temperature}. */
    TEMPERATURE,
    /** {@code inferenceConfig.topP}. */
    TOP_P
  }

  /**
   * What a request is checked against: the target model id (never null; empty when unknown) and whether
   * extended thinking is enabled in the request being written.
   *
   * @param model the target model id
   * @param thinkingEnabled whether {@code thinking.type} is {@code enabled}
   */
  public record Context(String model, boolean thinkingEnabled) {}

  /**
   * One rule of the table.
   *
   * @param description why the rule exists
   * @param applies when it applies
   * @param stripped the parameters it removes
   */
  public record Rule(String description, Predicate<Context> applies, Set<SamplingParam> stripped) {}

  /** The rules, in the order lingua applies them (the result is their union). */
  public static final List<Rule> RULES =
      List.of(
          new Rule(
              "Claude Opus 4.7+, Sonnet 5+ and Fable reject the deprecated sampling parameters",
              c -> AnthropicRules.stripsSamplingParams(c.model()),
              Set.of(SamplingParam.TEMPERATURE, SamplingParam.TOP_P)),
          new Rule(
              "extended thinking requires the default temperature",
              Context::thinkingEnabled,
              Set.of(SamplingParam.TEMPERATURE)));

  private ConverseRules() {}

  /** The sampling parameters to leave out of a request for {@code model} (null for unknown). */
  public static Set<SamplingParam> strippedParams(String model, boolean thinkingEnabled) {
    Context context = new Context(model == null ? "" : model, thinkingEnabled);
    EnumSet<SamplingParam> out = EnumSet.noneOf(SamplingParam.class);
    for (Rule rule : RULES) {
      if (rule.applies().test(context)) {
        out.addAll(rule.stripped());
      }
    }
    return out;
  }

  /** Whether {@code temperature} is left out for {@code model} (lingua: thinking enabled, or Opus 4.7+). */
  public static boolean stripsTemperature(String model, boolean thinkingEnabled) {
    return strippedParams(model, thinkingEnabled).contains(SamplingParam.TEMPERATURE);
  }

  /** Whether {@code topP} is left out for {@code model} (lingua: Opus 4.7+, Sonnet 5+, Fable). */
  public static boolean stripsTopP(String model) {
    return strippedParams(model, false).contains(SamplingParam.TOP_P);
  }

  /**
   * Model id fragments of the Bedrock models that take Converse {@code cachePoint} blocks (prompt
   * caching): Anthropic Claude and Amazon Nova. Other models reject the block, so cache breakpoints are
   * dropped for them.
   */
  public static final List<String> CACHE_POINT_MODELS = List.of("anthropic.claude", "amazon.nova");

  /** Whether {@code model} (a Bedrock model id or inference profile) takes {@code cachePoint} blocks. */
  public static boolean supportsCachePoints(String model) {
    return matchesAny(model, CACHE_POINT_MODELS);
  }

  /**
   * Model id fragments of the Bedrock models that take {@code toolConfig.toolChoice} (AWS documents it for
   * Anthropic Claude 3+, Amazon Nova and Mistral Large); other models reject the field.
   */
  public static final List<String> TOOL_CHOICE_MODELS =
      List.of("anthropic.claude", "amazon.nova", "mistral.mistral-large");

  /**
   * Model id fragments of Bedrock model families known NOT to take {@code toolChoice} (Meta Llama, Cohere,
   * AI21, Amazon Titan, and the Mistral models other than Large).
   */
  public static final List<String> NO_TOOL_CHOICE_MODELS =
      List.of("meta.llama", "cohere.", "ai21.", "amazon.titan", "mistral.mistral-7b", "mistral.mixtral",
          "mistral.mistral-small");

  /** Whether {@code model} (a Bedrock model id or inference profile) is known to take a {@code toolChoice}. */
  public static boolean supportsToolChoice(String model) {
    return matchesAny(model, TOOL_CHOICE_MODELS);
  }

  /**
   * Whether {@code model} is known to reject a {@code toolChoice}. Ids of neither list (application
   * inference profile ARNs, new families) are neither: a forced choice is sent, and Bedrock decides.
   */
  public static boolean rejectsToolChoice(String model) {
    return !supportsToolChoice(model) && matchesAny(model, NO_TOOL_CHOICE_MODELS);
  }

  private static boolean matchesAny(String model, List<String> fragments) {
    if (model == null) {
      return false;
    }
    String m = model.toLowerCase(java.util.Locale.ROOT);
    for (String fragment : fragments) {
      if (m.contains(fragment)) {
        return true;
      }
    }
    return false;
  }
}
