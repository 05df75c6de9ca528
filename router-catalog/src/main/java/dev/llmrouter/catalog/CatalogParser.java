package dev.llmrouter.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads catalog JSON in one streaming pass with jackson-core: specs, {@code fallback_models} and
 * {@code extra} together. Every failure becomes a {@link CatalogException} naming the model and field.
 */
final class CatalogParser {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private static final BigInteger U32_MAX = BigInteger.valueOf(4294967295L);
  private static final int MAX_SHOWN_CHARS = 60;

  private final JsonParser p;
  private final boolean externalFallbacks;
  private String currentModel;

  private CatalogParser(JsonParser p, boolean externalFallbacks) {
    this.p = p;
    this.externalFallbacks = externalFallbacks;
  }

  /**
   * Parses catalog text.
   *
   * @param externalFallbacks whether {@code fallback_models} targets may live outside this catalog
   *     (overlay custom catalogs); otherwise every target must be a key of the same document
   */
  static ModelCatalog parse(String json, boolean externalFallbacks) {
    if (json == null) {
      throw new CatalogException("catalog JSON must not be null");
    }
    String text = !json.isEmpty() && json.charAt(0) == '\uFEFF' ? json.substring(1) : json;
    try (JsonParser parser = FACTORY.createParser(text)) {
      return new CatalogParser(parser, externalFallbacks).run();
    } catch (IOException e) {
      throw new CatalogException("cannot read catalog JSON: " + e.getMessage(), e);
    }
  }

  /** Parses catalog bytes (UTF-8, or UTF-16/32 with detection); the stream is not closed. */
  static ModelCatalog parse(InputStream in, boolean externalFallbacks) {
    if (in == null) {
      throw new CatalogException("catalog input stream must not be null");
    }
    try (JsonParser parser = FACTORY.createParser(in)) {
      return new CatalogParser(parser, externalFallbacks).run();
    } catch (IOException e) {
      throw new CatalogException("cannot read catalog JSON: " + e.getMessage(), e);
    }
  }

  private ModelCatalog run() {
    try {
      return readCatalog();
    } catch (JsonProcessingException e) {
      String where = currentModel == null ? "" : " (in model '" + currentModel + "')";
      throw new CatalogException("invalid catalog JSON" + at(e.getLocation()) + where + ": "
          + e.getOriginalMessage(), currentModel, null, e);
    } catch (IOException e) {
      throw new CatalogException("cannot read catalog JSON: " + e.getMessage(), currentModel, null, e);
    }
  }

  private ModelCatalog readCatalog() throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new CatalogException(
          "catalog JSON is empty: expected an object mapping model names to model specs");
    }
    if (t != JsonToken.START_OBJECT) {
      throw new CatalogException("catalog JSON must be an object mapping model names to model specs, got "
          + describe(t) + here());
    }
    ModelCatalog.Builder builder = ModelCatalog.builder();
    Set<String> names = new HashSet<>();
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      currentModel = name;
      if (name.isEmpty()) {
        throw new CatalogException("catalog model name must not be empty" + here(), name, null, null);
      }
      if (!names.add(name)) {
        throw new CatalogException("catalog model '" + name + "' is defined more than once" + here(),
            name, null, null);
      }
      t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new CatalogException("catalog model '" + name + "': entry must be an object, got "
            + describe(t) + here(), name, null, null);
      }
      Entry entry = readEntry(name);
      builder.put(name, entry.spec);
      if (!entry.fallbacks.isEmpty()) {
        if (externalFallbacks) {
          builder.addExternalFallbackModels(name, entry.fallbacks);
        } else {
          builder.addFallbackModels(name, entry.fallbacks);
        }
      }
    }
    currentModel = null;
    if (t != JsonToken.END_OBJECT) {
      throw new CatalogException("invalid catalog JSON" + here() + ": expected a model name, got "
          + describe(t));
    }
    t = p.nextToken();
    if (t != null) {
      throw new CatalogException("invalid catalog JSON" + here()
          + ": unexpected content after the catalog object: " + describe(t));
    }
    return builder.build();
  }

  /** A parsed entry: the spec and its declared fallback targets (empty strings removed). */
  private static final class Entry {
    ModelSpec spec;
    List<String> fallbacks = List.of();
  }

  private Entry readEntry(String name) throws IOException {
    String model = null;
    ProviderFormat format = null;
    ModelFlavor flavor = null;
    BigDecimal inputPerToken = null;
    BigDecimal outputPerToken = null;
    Fields f = new Fields();
    Set<String> seen = new HashSet<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      if (!seen.add(field)) {
        throw fieldError(name, field, "appears more than once");
      }
      t = p.nextToken();
      switch (field) {
        case "model":
          model = readString(name, field, t);
          break;
        case "format": {
          String v = readString(name, field, t);
          format = v == null ? null : ProviderFormat.parse(v);
          break;
        }
        case "flavor": {
          String v = readString(name, field, t);
          if (v != null) {
            Optional<ModelFlavor> parsed = ModelFlavor.fromId(v);
            if (parsed.isEmpty()) {
              throw fieldError(name, field, "has unknown value " + quote(v)
                  + " (expected one of chat, completion, embedding, responses)");
            }
            flavor = parsed.get();
          }
          break;
        }
        case "displayName":
          f.displayName = readString(name, field, t);
          break;
        case "parent":
          f.parent = readString(name, field, t);
          break;
        case "description":
          f.description = readString(name, field, t);
          break;
        case "input_cost_per_mil_tokens":
          f.input = readPrice(name, field, t);
          break;
        case "output_cost_per_mil_tokens":
          f.output = readPrice(name, field, t);
          break;
        case "input_cache_read_cost_per_mil_tokens":
          f.cacheRead = readPrice(name, field, t);
          break;
        case "input_cache_write_cost_per_mil_tokens":
          f.cacheWrite = readPrice(name, field, t);
          break;
        case "input_cache_write_5m_cost_per_mil_tokens":
          f.cacheWrite5m = readPrice(name, field, t);
          break;
        case "input_cache_write_1h_cost_per_mil_tokens":
          f.cacheWrite1h = readPrice(name, field, t);
          break;
        case "input_cost_per_token":
          inputPerToken = readPrice(name, field, t);
          break;
        case "output_cost_per_token":
          outputPerToken = readPrice(name, field, t);
          break;
        case "multimodal":
          f.multimodal = readBoolean(name, field, t);
          break;
        case "reasoning":
          f.reasoning = readBoolean(name, field, t);
          break;
        case "reasoning_budget":
          f.reasoningBudget = readBoolean(name, field, t);
          break;
        case "o1_like":
          f.o1Like = readBoolean(name, field, t);
          break;
        case "deprecated":
          f.deprecated = readBoolean(name, field, t);
          break;
        case "experimental":
          f.experimental = readBoolean(name, field, t);
          break;
        case "supports_streaming":
          f.supportsStreaming = readBoolean(name, field, t);
          break;
        case "streaming_only":
          f.streamingOnly = readBoolean(name, field, t);
          break;
        case "max_input_tokens":
          f.maxInputTokens = readU32(name, field, t);
          break;
        case "max_output_tokens":
          f.maxOutputTokens = readU32(name, field, t);
          break;
        case "deprecation_date":
          f.deprecationDate = readDate(name, field, t);
          break;
        case "available_providers":
          f.availableProviders = readStringList(name, field, t);
          break;
        case "locations":
          f.locations = readStringList(name, field, t);
          break;
        case "supported_regions":
          f.supportedRegions = readStringList(name, field, t);
          break;
        case "endpoint_types":
          f.endpointTypes = readStringList(name, field, t);
          break;
        case "fallback_models":
          f.fallbackModels = readFallbackModels(name, t);
          break;
        case "extra":
          f.extra = readExtra(name, field, t);
          break;
        default:
          p.skipChildren();
          break;
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new CatalogException("invalid catalog JSON" + here() + " (in model '" + name
          + "'): expected a field name, got " + describe(t), name, null, null);
    }
    if (format == null) {
      throw new CatalogException("catalog model '" + name + "': missing required field 'format'",
          name, "format", null);
    }
    if (flavor == null) {
      throw new CatalogException("catalog model '" + name + "': missing required field 'flavor'",
          name, "flavor", null);
    }
    if (f.input == null && inputPerToken != null) {
      f.input = inputPerToken.movePointRight(6);
    }
    if (f.output == null && outputPerToken != null) {
      f.output = outputPerToken.movePointRight(6);
    }
    Entry entry = new Entry();
    entry.spec = f.apply(ModelSpec.builder(model == null || model.isEmpty() ? name : model, format, flavor))
        .build();
    if (f.fallbackModels != null) {
      List<String> targets = new ArrayList<>();
      for (String target : f.fallbackModels) {
        if (!target.isEmpty()) {
          targets.add(target);
        }
      }
      entry.fallbacks = targets;
    }
    return entry;
  }

  /** The optional fields of one entry, applied to a spec builder at the end. */
  private static final class Fields {
    String displayName;
    String parent;
    String description;
    BigDecimal input;
    BigDecimal output;
    BigDecimal cacheRead;
    BigDecimal cacheWrite;
    BigDecimal cacheWrite5m;
    BigDecimal cacheWrite1h;
    Boolean multimodal;
    Boolean reasoning;
    Boolean reasoningBudget;
    Boolean o1Like;
    Boolean deprecated;
    Boolean experimental;
    Boolean supportsStreaming;
    Boolean streamingOnly;
    Long maxInputTokens;
    Long maxOutputTokens;
    LocalDate deprecationDate;
    List<String> availableProviders;
    List<String> locations;
    List<String> supportedRegions;
    List<String> endpointTypes;
    List<String> fallbackModels;
    Map<String, String> extra;

    ModelSpec.Builder apply(ModelSpec.Builder b) {
      b.displayName(displayName)
          .parent(parent)
          .description(description)
          .inputCostPerMilTokens(input)
          .outputCostPerMilTokens(output)
          .inputCacheReadCostPerMilTokens(cacheRead)
          .inputCacheWriteCostPerMilTokens(cacheWrite)
          .inputCacheWrite5mCostPerMilTokens(cacheWrite5m)
          .inputCacheWrite1hCostPerMilTokens(cacheWrite1h)
          .multimodal(multimodal)
          .reasoning(reasoning)
          .reasoningBudget(reasoningBudget)
          .o1Like(o1Like)
          .deprecated(deprecated)
          .experimental(experimental)
          .maxInputTokens(maxInputTokens)
          .maxOutputTokens(maxOutputTokens)
          .deprecationDate(deprecationDate);
      if (supportsStreaming != null) {
        b.supportsStreaming(supportsStreaming);
      }
      if (streamingOnly != null) {
        b.streamingOnly(streamingOnly);
      }
      if (availableProviders != null) {
        b.availableProviders(availableProviders);
      }
      if (locations != null) {
        b.locations(locations);
      }
      if (supportedRegions != null) {
        b.supportedRegions(supportedRegions);
      }
      if (endpointTypes != null) {
        b.endpointTypes(endpointTypes);
      }
      if (fallbackModels != null) {
        b.fallbackModels(fallbackModels);
      }
      if (extra != null) {
        b.extra(extra);
      }
      return b;
    }
  }

  private String readString(String model, String field, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw typeError(model, field, "must be a string", t);
    }
    return p.getText();
  }

  private Boolean readBoolean(String model, String field, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    throw typeError(model, field, "must be a boolean", t);
  }

  private BigDecimal readPrice(String model, String field, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw typeError(model, field, "must be a number (USD)", t);
    }
    String text = p.getText();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw fieldError(model, field, "is not a representable number: " + shorten(text));
    }
  }

  private Long readU32(String model, String field, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      BigInteger v = new BigInteger(p.getText());
      if (v.signum() >= 0 && v.compareTo(U32_MAX) <= 0) {
        return v.longValueExact();
      }
    }
    throw typeError(model, field, "must be an integer in [0, 4294967295]", t);
  }

  private LocalDate readDate(String model, String field, JsonToken t) throws IOException {
    String text = readString(model, field, t);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw fieldError(model, field, "must be a date in the form YYYY-MM-DD, got " + quote(text));
    }
  }

  private List<String> readStringList(String model, String field, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw typeError(model, field, "must be an array of strings", t);
    }
    List<String> out = new ArrayList<>();
    int index = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_STRING) {
        throw typeError(model, field, "must be an array of strings; element " + index + " is", t);
      }
      out.add(p.getText());
      index++;
    }
    return out;
  }

  private List<String> readFallbackModels(String model, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    String prefix = "catalog model '" + model + "' has invalid fallback_models: ";
    if (t != JsonToken.START_ARRAY) {
      throw new CatalogException(prefix + "expected an array of strings, got " + describe(t) + here(),
          model, "fallback_models", null);
    }
    List<String> out = new ArrayList<>();
    int index = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_STRING) {
        throw new CatalogException(prefix + "element " + index + " is " + describe(t)
            + ", expected a string" + here(), model, "fallback_models", null);
      }
      out.add(p.getText());
      index++;
    }
    return out;
  }

  private Map<String, String> readExtra(String model, String field, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      throw typeError(model, field, "must be an object", t);
    }
    Map<String, String> out = new LinkedHashMap<>();
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      if (out.containsKey(key)) {
        throw fieldError(model, field, "has key " + quote(key) + " more than once");
      }
      p.nextToken();
      StringWriter w = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(w)) {
        copyValue(g);
      }
      out.put(key, w.toString());
    }
    return out;
  }

  /** Copies the value at the current token, writing numbers with their exact source text. */
  private void copyValue(JsonGenerator g) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new CatalogException("invalid catalog JSON" + here() + ": unexpected end of input",
          currentModel, "extra", null);
    }
    switch (t) {
      case START_OBJECT:
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          g.writeFieldName(p.currentName());
          p.nextToken();
          copyValue(g);
        }
        g.writeEndObject();
        break;
      case START_ARRAY:
        g.writeStartArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          copyValue(g);
        }
        g.writeEndArray();
        break;
      case VALUE_STRING:
        g.writeString(p.getText());
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        g.writeNumber(p.getText());
        break;
      case VALUE_TRUE:
        g.writeBoolean(true);
        break;
      case VALUE_FALSE:
        g.writeBoolean(false);
        break;
      case VALUE_NULL:
        g.writeNull();
        break;
      default:
        throw new CatalogException("invalid catalog JSON" + here() + ": unexpected " + t,
            currentModel, "extra", null);
    }
  }

  private CatalogException typeError(String model, String field, String requirement, JsonToken t)
      throws IOException {
    return fieldError(model, field, requirement + ", got " + describe(t));
  }

  private CatalogException fieldError(String model, String field, String problem) {
    return new CatalogException("catalog model '" + model + "': field '" + field + "' " + problem + here(),
        model, field, null);
  }

  /** A short description of the value at the current token, for messages. */
  private String describe(JsonToken t) throws IOException {
    if (t == null) {
      return "end of input";
    }
    switch (t) {
      case VALUE_STRING:
        return "string " + quote(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return shorten(p.getText());
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_NULL:
        return "null";
      case START_ARRAY:
        return "an array";
      case START_OBJECT:
        return "an object";
      default:
        return t.asString() == null ? t.name() : t.asString();
    }
  }

  private static String quote(String s) {
    return "'" + shorten(s) + "'";
  }

  private static String shorten(String s) {
    return s.length() <= MAX_SHOWN_CHARS ? s : s.substring(0, MAX_SHOWN_CHARS) + "...";
  }

  /** " (line L, column C)" for the current token, or "" when the location is unknown. */
  private String here() {
    String at = at(p.currentTokenLocation());
    return at.isEmpty() ? "" : " (" + at.substring(" at ".length()) + ")";
  }

  private static String at(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 0) {
      return "";
    }
    return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }
}
