package dev.llmrouter.translate.google;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.BuiltinToolProvider;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolKind;
import dev.llmrouter.translate.ir.UnsupportedToolTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gemini {@code tools} to and from universal tools (lingua's google/convert.rs tool conversions).
 *
 * <p>Function declarations become function tools ({@code parametersJsonSchema} as is, or the typed
 * {@code parameters} schema normalized to JSON Schema). The builtins {@code googleSearch},
 * {@code codeExecution}, {@code googleSearchRetrieval} and {@code urlContext} become Google builtin tools;
 * {@code computerUse}, {@code fileSearch}, {@code googleMaps} and {@code mcpServers} are typed by lingua but
 * not converted, so they are dropped (as lingua does).
 *
 * <p>Out of the IR, function tools are grouped into one {@code functionDeclarations} tool followed by one
 * tool per Google builtin. Builtins of other providers and custom tools are skipped, as lingua does;
 * function tools with Responses-only metadata are an error.
 */
final class GoogleTools {
  private GoogleTools() {}

  static final String GOOGLE_SEARCH = "google_search";
  static final String CODE_EXECUTION = "code_execution";
  static final String GOOGLE_SEARCH_RETRIEVAL = "google_search_retrieval";
  static final String URL_CONTEXT = "url_context";

  private static final String[] GOOGLE_SEARCH_KEYS = {"searchTypes", "timeRangeFilter"};
  private static final String[] SEARCH_TYPES_KEYS = {"imageSearch", "webSearch"};
  private static final String[] INTERVAL_KEYS = {"endTime", "startTime"};
  private static final String[] RETRIEVAL_KEYS = {"dynamicRetrievalConfig"};
  private static final String[] DYNAMIC_RETRIEVAL_KEYS = {"dynamicThreshold", "mode"};

  /** Gemini tools to universal tools, in order (each tool's declarations, then its builtins). */
  static List<Tool> toUniversal(JsonArray tools) {
    List<Tool> out = new ArrayList<>();
    for (JsonValue tv : tools) {
      JsonObject tool = GoogleJson.element(tv, "tools[]");
      JsonArray decls = GoogleJson.array(tool, "functionDeclarations", "tools[]");
      if (decls != null) {
        for (JsonValue dv : decls) {
          out.add(declarationToTool(GoogleJson.element(dv, "tools[].functionDeclarations[]")));
        }
      }
      JsonObject search = GoogleJson.object(tool, "googleSearch", "tools[]");
      if (search != null) {
        out.add(builtin(GOOGLE_SEARCH, googleSearchConfig(search)));
      }
      JsonObject code = GoogleJson.object(tool, "codeExecution", "tools[]");
      if (code != null) {
        out.add(builtin(CODE_EXECUTION, code));
      }
      JsonObject retrieval = GoogleJson.object(tool, "googleSearchRetrieval", "tools[]");
      if (retrieval != null) {
        out.add(builtin(GOOGLE_SEARCH_RETRIEVAL, retrievalConfig(retrieval)));
      }
      JsonObject urlContext = GoogleJson.object(tool, "urlContext", "tools[]");
      if (urlContext != null) {
        out.add(builtin(URL_CONTEXT, urlContext));
      }
    }
    return out;
  }

  private static Tool builtin(String type, JsonObject config) {
    return Tool.builtin(type, BuiltinToolProvider.GOOGLE, type, Optional.of(config));
  }

  private static Tool declarationToTool(JsonObject decl) {
    String field = "tools[].functionDeclarations[]";
    String name = GoogleJson.string(decl, "name", field);
    String description = GoogleJson.string(decl, "description", field);
    JsonValue parameters = GoogleJson.value(decl, "parametersJsonSchema");
    if (parameters == null) {
      JsonValue typed = GoogleJson.value(decl, "parameters");
      if (typed != null) {
        parameters = GoogleSchemas.typedJsonSchema(typed, field + ".parameters");
      }
    }
    return Tool.function(
        name == null ? "" : name,
        Optional.ofNullable(description),
        Optional.ofNullable(parameters),
        Optional.empty());
  }

  /** lingua's typed GoogleSearch keeps searchTypes {imageSearch, webSearch} and timeRangeFilter. */
  private static JsonObject googleSearchConfig(JsonObject search) {
    JsonObject known = GoogleJson.known(search, GOOGLE_SEARCH_KEYS);
    JsonObject.Builder b = null;
    JsonValue types = known.getOrNull("searchTypes");
    if (types != null) {
      JsonObject t = GoogleJson.element(types, "tools[].googleSearch.searchTypes");
      b = known.toBuilder().put("searchTypes", GoogleJson.known(t, SEARCH_TYPES_KEYS));
    }
    JsonValue range = known.getOrNull("timeRangeFilter");
    if (range != null) {
      JsonObject r = GoogleJson.element(range, "tools[].googleSearch.timeRangeFilter");
      b = (b == null ? known.toBuilder() : b).put("timeRangeFilter", GoogleJson.known(r, INTERVAL_KEYS));
    }
    return b == null ? known : b.build();
  }

  private static JsonObject retrievalConfig(JsonObject retrieval) {
    JsonObject known = GoogleJson.known(retrieval, RETRIEVAL_KEYS);
    JsonValue dynamic = known.getOrNull("dynamicRetrievalConfig");
    if (dynamic == null) {
      return known;
    }
    JsonObject d =
        GoogleJson.element(dynamic, "tools[].googleSearchRetrieval.dynamicRetrievalConfig");
    return JsonObject.of("dynamicRetrievalConfig", GoogleJson.known(d, DYNAMIC_RETRIEVAL_KEYS));
  }

  /**
   * Universal tools as Gemini tools; empty when nothing is left to send.
   *
   * @throws UnsupportedToolTypeException for function tools with allowed callers or an output schema
   */
  static Optional<JsonArray> fromUniversal(List<Tool> tools) {
    JsonArray.Builder declarations = JsonArray.builder();
    List<JsonObject> builtins = new ArrayList<>();
    for (Tool tool : tools) {
      if (tool.kind() instanceof ToolKind.Function) {
        tool.assertNoResponsesToolMetadata(ProviderFormat.GOOGLE);
        declarations.add(declaration(tool));
      } else if (tool.kind() instanceof ToolKind.Builtin b && b.provider() == BuiltinToolProvider.GOOGLE) {
        JsonObject builtin = builtinTool(b);
        if (builtin != null) {
          builtins.add(builtin);
        }
      }
      // Custom tools and other providers' builtins have no Gemini form; lingua skips them silently.
    }
    if (declarations.isEmpty() && builtins.isEmpty()) {
      return Optional.empty();
    }
    JsonArray.Builder out = JsonArray.builder();
    if (!declarations.isEmpty()) {
      out.add(JsonObject.of("functionDeclarations", declarations.build()));
    }
    for (JsonObject b : builtins) {
      out.add(b);
    }
    return Optional.of(out.build());
  }

  /**
   * A function declaration: name, description, {@code parametersJsonSchema} without
   * {@code exclusiveMinimum}, and the typed {@code parameters} / {@code response} schemas as explicit nulls
   * (lingua's generated struct always writes them).
   */
  private static JsonObject declaration(Tool tool) {
    JsonObject.Builder d = JsonObject.builder();
    tool.description().ifPresent(desc -> d.put("description", desc));
    d.put("name", tool.name());
    d.put("parameters", JsonNull.INSTANCE);
    if (tool.parameters().isPresent() && !tool.parameters().get().isNull()) {
      d.put("parametersJsonSchema", GoogleSchemas.stripExclusiveMinimum(tool.parameters().get()));
    }
    d.put("response", JsonNull.INSTANCE);
    return d.build();
  }

  /** A Google builtin rebuilt from its config; null for builtin types lingua does not know. */
  private static JsonObject builtinTool(ToolKind.Builtin b) {
    JsonObject config = b.config().orElse(null) instanceof JsonObject o ? o : null;
    switch (b.builtinType()) {
      case GOOGLE_SEARCH:
        // lingua reads the config into its typed struct and writes an empty tool when that fails.
        try {
          return config == null
              ? JsonObject.empty()
              : JsonObject.of("googleSearch", googleSearchConfig(config));
        } catch (TranslationException malformed) {
          return JsonObject.empty();
        }
      case CODE_EXECUTION:
        return config == null ? JsonObject.empty() : JsonObject.of("codeExecution", config);
      case GOOGLE_SEARCH_RETRIEVAL:
        try {
          return config == null
              ? JsonObject.empty()
              : JsonObject.of("googleSearchRetrieval", retrievalConfig(config));
        } catch (TranslationException malformed) {
          return JsonObject.empty();
        }
      case URL_CONTEXT:
        return config == null ? JsonObject.empty() : JsonObject.of("urlContext", config);
      default:
        return null;
    }
  }
}
