package dev.llmrouter.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One catalog entry: the upstream model id, its wire format and flavor, limits, prices and routing hints.
 * Immutable; build with {@link #builder(String, ProviderFormat, ModelFlavor)} or {@link #toBuilder()}.
 *
 * <p>Prices are USD per million tokens, kept as {@link BigDecimal} with the catalog's exact digits.
 * Absent values are empty, never zero.
 */
public final class ModelSpec {
  private final String model;
  private final ProviderFormat format;
  private final ModelFlavor flavor;
  private final String displayName;
  private final String parent;
  private final BigDecimal inputCostPerMilTokens;
  private final BigDecimal outputCostPerMilTokens;
  private final BigDecimal inputCacheReadCostPerMilTokens;
  private final BigDecimal inputCacheWriteCostPerMilTokens;
  private final BigDecimal inputCacheWrite5mCostPerMilTokens;
  private final BigDecimal inputCacheWrite1hCostPerMilTokens;
  private final Boolean multimodal;
  private final Boolean reasoning;
  private final Boolean reasoningBudget;
  private final Long maxInputTokens;
  private final Long maxOutputTokens;
  private final boolean supportsStreaming;
  private final boolean streamingOnly;
  private final Boolean deprecated;
  private final LocalDate deprecationDate;
  private final Boolean experimental;
  private final Boolean o1Like;
  private final String description;
  private final List<String> availableProviders;
  private final List<String> locations;
  private final List<String> supportedRegions;
  private final List<String> endpointTypes;
  private final List<String> fallbackModels;
  private final Map<String, String> extra;

  private ModelSpec(Builder b) {
    this.model = Objects.requireNonNull(b.model, "model");
    this.format = Objects.requireNonNull(b.format, "format");
    this.flavor = Objects.requireNonNull(b.flavor, "flavor");
    this.displayName = b.displayName;
    this.parent = b.parent;
    this.inputCostPerMilTokens = b.inputCostPerMilTokens;
    this.outputCostPerMilTokens = b.outputCostPerMilTokens;
    this.inputCacheReadCostPerMilTokens = b.inputCacheReadCostPerMilTokens;
    this.inputCacheWriteCostPerMilTokens = b.inputCacheWriteCostPerMilTokens;
    this.inputCacheWrite5mCostPerMilTokens = b.inputCacheWrite5mCostPerMilTokens;
    this.inputCacheWrite1hCostPerMilTokens = b.inputCacheWrite1hCostPerMilTokens;
    this.multimodal = b.multimodal;
    this.reasoning = b.reasoning;
    this.reasoningBudget = b.reasoningBudget;
    this.maxInputTokens = b.maxInputTokens;
    this.maxOutputTokens = b.maxOutputTokens;
    this.supportsStreaming = b.supportsStreaming;
    this.streamingOnly = b.streamingOnly;
    this.deprecated = b.deprecated;
    this.deprecationDate = b.deprecationDate;
    this.experimental = b.experimental;
    this.o1Like = b.o1Like;
    this.description = b.description;
    this.availableProviders = List.copyOf(b.availableProviders);
    this.locations = List.copyOf(b.locations);
    this.supportedRegions = List.copyOf(b.supportedRegions);
    this.endpointTypes = List.copyOf(b.endpointTypes);
    this.fallbackModels = List.copyOf(b.fallbackModels);
    this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(b.extra));
  }

  /** A builder with the three required fields. */
  public static Builder builder(String model, ProviderFormat format, ModelFlavor flavor) {
    return new Builder().model(model).format(format).flavor(flavor);
  }

  /** A builder holding every field of this spec. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.format = format;
    b.flavor = flavor;
    b.displayName = displayName;
    b.parent = parent;
    b.inputCostPerMilTokens = inputCostPerMilTokens;
    b.outputCostPerMilTokens = outputCostPerMilTokens;
    b.inputCacheReadCostPerMilTokens = inputCacheReadCostPerMilTokens;
    b.inputCacheWriteCostPerMilTokens = inputCacheWriteCostPerMilTokens;
    b.inputCacheWrite5mCostPerMilTokens = inputCacheWrite5mCostPerMilTokens;
    b.inputCacheWrite1hCostPerMilTokens = inputCacheWrite1hCostPerMilTokens;
    b.multimodal = multimodal;
    b.reasoning = reasoning;
    b.reasoningBudget = reasoningBudget;
    b.maxInputTokens = maxInputTokens;
    b.maxOutputTokens = maxOutputTokens;
    b.supportsStreaming = supportsStreaming;
    b.streamingOnly = streamingOnly;
    b.deprecated = deprecated;
    b.deprecationDate = deprecationDate;
    b.experimental = experimental;
    b.o1Like = o1Like;
    b.description = description;
    b.availableProviders = availableProviders;
    b.locations = locations;
    b.supportedRegions = supportedRegions;
    b.endpointTypes = endpointTypes;
    b.fallbackModels = fallbackModels;
    b.extra = extra;
    return b;
  }

  /** The upstream model id used in URLs and bodies (the catalog key unless the entry sets {@code model}). */
  public String model() {
    return model;
  }

  /** The catalog's native wire format. */
  public ProviderFormat format() {
    return format;
  }

  public ModelFlavor flavor() {
    return flavor;
  }

  /** {@code displayName}. */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  /** {@code parent}: the model this one belongs to or was replaced by. */
  public Optional<String> parent() {
    return Optional.ofNullable(parent);
  }

  /** {@code input_cost_per_mil_tokens}: USD per million uncached input tokens. */
  public Optional<BigDecimal> inputCostPerMilTokens() {
    return Optional.ofNullable(inputCostPerMilTokens);
  }

  /** {@code output_cost_per_mil_tokens}: USD per million output tokens (reasoning tokens included). */
  public Optional<BigDecimal> outputCostPerMilTokens() {
    return Optional.ofNullable(outputCostPerMilTokens);
  }

  /** {@code input_cache_read_cost_per_mil_tokens}. */
  public Optional<BigDecimal> inputCacheReadCostPerMilTokens() {
    return Optional.ofNullable(inputCacheReadCostPerMilTokens);
  }

  /** {@code input_cache_write_cost_per_mil_tokens}: cache writes whose TTL is not specified. */
  public Optional<BigDecimal> inputCacheWriteCostPerMilTokens() {
    return Optional.ofNullable(inputCacheWriteCostPerMilTokens);
  }

  /** {@code input_cache_write_5m_cost_per_mil_tokens}. */
  public Optional<BigDecimal> inputCacheWrite5mCostPerMilTokens() {
    return Optional.ofNullable(inputCacheWrite5mCostPerMilTokens);
  }

  /** {@code input_cache_write_1h_cost_per_mil_tokens}. */
  public Optional<BigDecimal> inputCacheWrite1hCostPerMilTokens() {
    return Optional.ofNullable(inputCacheWrite1hCostPerMilTokens);
  }

  public Optional<Boolean> multimodal() {
    return Optional.ofNullable(multimodal);
  }

  public Optional<Boolean> reasoning() {
    return Optional.ofNullable(reasoning);
  }

  /** {@code reasoning_budget}: whether the model takes a thinking token budget. */
  public Optional<Boolean> reasoningBudget() {
    return Optional.ofNullable(reasoningBudget);
  }

  public OptionalLong maxInputTokens() {
    return maxInputTokens == null ? OptionalLong.empty() : OptionalLong.of(maxInputTokens);
  }

  public OptionalLong maxOutputTokens() {
    return maxOutputTokens == null ? OptionalLong.empty() : OptionalLong.of(maxOutputTokens);
  }

  /** {@code supports_streaming} (default true); when false the router fakes streaming. */
  public boolean supportsStreaming() {
    return supportsStreaming;
  }

  /** {@code streaming_only} (default false). */
  public boolean streamingOnly() {
    return streamingOnly;
  }

  public Optional<Boolean> deprecated() {
    return Optional.ofNullable(deprecated);
  }

  /** {@code deprecation_date}. */
  public Optional<LocalDate> deprecationDate() {
    return Optional.ofNullable(deprecationDate);
  }

  public Optional<Boolean> experimental() {
    return Optional.ofNullable(experimental);
  }

  /** {@code o1_like}. */
  public Optional<Boolean> o1Like() {
    return Optional.ofNullable(o1Like);
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** {@code available_providers}: provider aliases that serve this model, in routing order. */
  public List<String> availableProviders() {
    return availableProviders;
  }

  /** Top-level {@code locations} (Vertex regions the model is served in). */
  public List<String> locations() {
    return locations;
  }

  /** {@code supported_regions}. */
  public List<String> supportedRegions() {
    return supportedRegions;
  }

  /** {@code endpoint_types}. */
  public List<String> endpointTypes() {
    return endpointTypes;
  }

  /** {@code fallback_models} as declared on this entry (the catalog resolves the full group). */
  public List<String> fallbackModels() {
    return fallbackModels;
  }

  /** The {@code extra} object: each key mapped to the raw JSON text of its value. */
  public Map<String, String> extra() {
    return extra;
  }

  /**
   * Whether only the Responses API serves this model: flavor {@code responses}, or a model name (lower
   * case, a leading {@code openai.} removed) that starts with {@code o1-pro}, {@code o3-pro} or
   * {@code gpt-5-pro}, is {@code gpt-5.N...} with N at least 3, or starts with {@code gpt-5} and contains
   * {@code -codex}.
   */
  public boolean requiresResponsesApi() {
    return flavor == ModelFlavor.RESPONSES || modelRequiresResponsesApi(model);
  }

  /** The name-based half of {@link #requiresResponsesApi()}. */
  public static boolean modelRequiresResponsesApi(String model) {
    String name = model.toLowerCase(Locale.ROOT);
    if (name.startsWith("openai.")) {
      name = name.substring("openai.".length());
    }
    if (name.startsWith("o1-pro") || name.startsWith("o3-pro") || name.startsWith("gpt-5-pro")) {
      return true;
    }
    if (name.startsWith("gpt-5.")) {
      int i = "gpt-5.".length();
      int start = i;
      long minor = 0;
      while (i < name.length() && Character.isDigit(name.charAt(i)) && i - start < 9) {
        minor = minor * 10 + (name.charAt(i) - '0');
        i++;
      }
      if (i > start && minor >= 3) {
        return true;
      }
    }
    return name.startsWith("gpt-5") && name.contains("-codex");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ModelSpec)) {
      return false;
    }
    ModelSpec s = (ModelSpec) o;
    return model.equals(s.model)
        && format == s.format
        && flavor == s.flavor
        && Objects.equals(displayName, s.displayName)
        && Objects.equals(parent, s.parent)
        && Objects.equals(inputCostPerMilTokens, s.inputCostPerMilTokens)
        && Objects.equals(outputCostPerMilTokens, s.outputCostPerMilTokens)
        && Objects.equals(inputCacheReadCostPerMilTokens, s.inputCacheReadCostPerMilTokens)
        && Objects.equals(inputCacheWriteCostPerMilTokens, s.inputCacheWriteCostPerMilTokens)
        && Objects.equals(inputCacheWrite5mCostPerMilTokens, s.inputCacheWrite5mCostPerMilTokens)
        && Objects.equals(inputCacheWrite1hCostPerMilTokens, s.inputCacheWrite1hCostPerMilTokens)
        && Objects.equals(multimodal, s.multimodal)
        && Objects.equals(reasoning, s.reasoning)
        && Objects.equals(reasoningBudget, s.reasoningBudget)
        && Objects.equals(maxInputTokens, s.maxInputTokens)
        && Objects.equals(maxOutputTokens, s.maxOutputTokens)
        && supportsStreaming == s.supportsStreaming
        && streamingOnly == s.streamingOnly
        && Objects.equals(deprecated, s.deprecated)
        && Objects.equals(deprecationDate, s.deprecationDate)
        && Objects.equals(experimental, s.experimental)
        && Objects.equals(o1Like, s.o1Like)
        && Objects.equals(description, s.description)
        && availableProviders.equals(s.availableProviders)
        && locations.equals(s.locations)
        && supportedRegions.equals(s.supportedRegions)
        && endpointTypes.equals(s.endpointTypes)
        && fallbackModels.equals(s.fallbackModels)
        && extra.equals(s.extra);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, format, flavor, availableProviders, inputCostPerMilTokens);
  }

  @Override
  public String toString() {
    return "ModelSpec{model=" + model + ", format=" + format + ", flavor=" + flavor
        + ", availableProviders=" + availableProviders + "}";
  }

  /** Builds a {@link ModelSpec}; model, format and flavor are required. */
  public static final class Builder {
    private String model;
    private ProviderFormat format;
    private ModelFlavor flavor;
    private String displayName;
    private String parent;
    private BigDecimal inputCostPerMilTokens;
    private BigDecimal outputCostPerMilTokens;
    private BigDecimal inputCacheReadCostPerMilTokens;
    private BigDecimal inputCacheWriteCostPerMilTokens;
    private BigDecimal inputCacheWrite5mCostPerMilTokens;
    private BigDecimal inputCacheWrite1hCostPerMilTokens;
    private Boolean multimodal;
    private Boolean reasoning;
    private Boolean reasoningBudget;
    private Long maxInputTokens;
    private Long maxOutputTokens;
    private boolean supportsStreaming = true;
    private boolean streamingOnly;
    private Boolean deprecated;
    private LocalDate deprecationDate;
    private Boolean experimental;
    private Boolean o1Like;
    private String description;
    private List<String> availableProviders = List.of();
    private List<String> locations = List.of();
    private List<String> supportedRegions = List.of();
    private List<String> endpointTypes = List.of();
    private List<String> fallbackModels = List.of();
    private Map<String, String> extra = Map.of();

    private Builder() {}

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder format(ProviderFormat format) {
      this.format = format;
      return this;
    }

    public Builder flavor(ModelFlavor flavor) {
      this.flavor = flavor;
      return this;
    }

    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    public Builder parent(String parent) {
      this.parent = parent;
      return this;
    }

    public Builder inputCostPerMilTokens(BigDecimal v) {
      this.inputCostPerMilTokens = v;
      return this;
    }

    public Builder outputCostPerMilTokens(BigDecimal v) {
      this.outputCostPerMilTokens = v;
      return this;
    }

    public Builder inputCacheReadCostPerMilTokens(BigDecimal v) {
      this.inputCacheReadCostPerMilTokens = v;
      return this;
    }

    public Builder inputCacheWriteCostPerMilTokens(BigDecimal v) {
      this.inputCacheWriteCostPerMilTokens = v;
      return this;
    }

    public Builder inputCacheWrite5mCostPerMilTokens(BigDecimal v) {
      this.inputCacheWrite5mCostPerMilTokens = v;
      return this;
    }

    public Builder inputCacheWrite1hCostPerMilTokens(BigDecimal v) {
      this.inputCacheWrite1hCostPerMilTokens = v;
      return this;
    }

    public Builder multimodal(Boolean v) {
      this.multimodal = v;
      return this;
    }

    public Builder reasoning(Boolean v) {
      this.reasoning = v;
      return this;
    }

    public Builder reasoningBudget(Boolean v) {
      this.reasoningBudget = v;
      return this;
    }

    public Builder maxInputTokens(Long v) {
      this.maxInputTokens = v;
      return this;
    }

    public Builder maxOutputTokens(Long v) {
      this.maxOutputTokens = v;
      return this;
    }

    public Builder supportsStreaming(boolean v) {
      this.supportsStreaming = v;
      return this;
    }

    public Builder streamingOnly(boolean v) {
      this.streamingOnly = v;
      return this;
    }

    public Builder deprecated(Boolean v) {
      this.deprecated = v;
      return this;
    }

    public Builder deprecationDate(LocalDate v) {
      this.deprecationDate = v;
      return this;
    }

    public Builder experimental(Boolean v) {
      this.experimental = v;
      return this;
    }

    public Builder o1Like(Boolean v) {
      this.o1Like = v;
      return this;
    }

    public Builder description(String v) {
      this.description = v;
      return this;
    }

    public Builder availableProviders(List<String> v) {
      this.availableProviders = List.copyOf(v);
      return this;
    }

    public Builder locations(List<String> v) {
      this.locations = List.copyOf(v);
      return this;
    }

    public Builder supportedRegions(List<String> v) {
      this.supportedRegions = List.copyOf(v);
      return this;
    }

    public Builder endpointTypes(List<String> v) {
      this.endpointTypes = List.copyOf(v);
      return this;
    }

    public Builder fallbackModels(List<String> v) {
      this.fallbackModels = List.copyOf(v);
      return this;
    }

    /** The {@code extra} object as key to raw JSON value text. */
    public Builder extra(Map<String, String> v) {
      this.extra = new LinkedHashMap<>(v);
      return this;
    }

    public ModelSpec build() {
      return new ModelSpec(this);
    }
  }
}
