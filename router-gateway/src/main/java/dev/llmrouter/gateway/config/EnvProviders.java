package dev.llmrouter.gateway.config;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.providers.auth.google.GoogleAuth;
import dev.llmrouter.providers.openai.OpenAICompatibleVendor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The providers the environment has credentials for: {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY},
 * {@code GEMINI_API_KEY} (or {@code GOOGLE_API_KEY}), {@code AWS_REGION} / {@code AWS_DEFAULT_REGION} (AWS
 * default credentials chain), {@code AZURE_OPENAI_API_KEY} with {@code AZURE_OPENAI_ENDPOINT},
 * {@code VERTEX_PROJECT} (application-default credentials), {@code MISTRAL_API_KEY},
 * {@code DATABRICKS_HOST} with {@code DATABRICKS_TOKEN}, and {@code <VENDOR>_API_KEY} for each
 * OpenAI-compatible vendor ({@code GROQ_API_KEY}, {@code XAI_API_KEY}, ...). Base URLs can be replaced with
 * {@code OPENAI_BASE_URL}, {@code ANTHROPIC_BASE_URL}, {@code GEMINI_BASE_URL}, {@code <VENDOR>_BASE_URL}.
 * Every decision is reported through the {@code notes} callback, without any secret.
 */
public final class EnvProviders {
  private EnvProviders() {}

  /** The entries the environment supports, skipping aliases already in {@code taken}. */
  public static List<ProviderEntry> from(Map<String, String> env, List<String> taken, Consumer<String> notes) {
    List<ProviderEntry> out = new ArrayList<>();
    keyed(env, "openai", "OPENAI_API_KEY", "OPENAI_BASE_URL", taken, out, notes);
    keyed(env, "anthropic", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", taken, out, notes);
    String geminiVar = get(env, "GOOGLE_API_KEY").isPresent() && get(env, "GEMINI_API_KEY").isEmpty() ? "GOOGLE_API_KEY" : "GEMINI_API_KEY";
    keyed(env, "google", geminiVar, "GEMINI_BASE_URL", taken, out, notes);
    keyed(env, "mistral", "MISTRAL_API_KEY", "MISTRAL_BASE_URL", taken, out, notes);
    bedrock(env, taken, out, notes);
    azure(env, taken, out, notes);
    vertex(env, taken, out, notes);
    databricks(env, taken, out, notes);
    for (OpenAICompatibleVendor v : OpenAICompatibleVendor.values()) {
      String prefix = v.kind().toUpperCase(Locale.ROOT);
      keyed(env, v.kind(), prefix + "_API_KEY", prefix + "_BASE_URL", taken, out, notes);
    }
    return out;
  }

  private static Optional<String> get(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static void keyed(Map<String, String> env, String kind, String keyVar, String urlVar,
      List<String> taken, List<ProviderEntry> out, Consumer<String> notes) {
    if (taken.contains(kind)) {
      return;
    }
    Optional<String> key = get(env, keyVar);
    if (key.isEmpty()) {
      notes.accept("provider " + kind + ": not registered (" + keyVar + " is not set)");
      return;
    }
    out.add(new ProviderEntry(kind, kind, get(env, urlVar), Map.of(), ProviderAuth.apiKey(kind, key.get()),
        List.of(), "env " + keyVar));
    notes.accept("provider " + kind + ": registered from " + keyVar
        + (get(env, urlVar).isPresent() ? " with " + urlVar : ""));
  }

  private static void bedrock(Map<String, String> env, List<String> taken, List<ProviderEntry> out,
      Consumer<String> notes) {
    if (taken.contains("bedrock")) {
      return;
    }
    Optional<String> region = get(env, "AWS_REGION").or(() -> get(env, "AWS_DEFAULT_REGION"));
    if (region.isEmpty()) {
      notes.accept("provider bedrock: not registered (AWS_REGION is not set)");
      return;
    }
    out.add(new ProviderEntry("bedrock", "bedrock", Optional.empty(), Map.of("region", region.get()),
        AuthConfig.AwsSigV4.defaultChain(region.get()), List.of(), "env AWS_REGION"));
    notes.accept("provider bedrock: registered for region " + region.get() + " (AWS default credentials chain)");
  }

  private static void azure(Map<String, String> env, List<String> taken, List<ProviderEntry> out,
      Consumer<String> notes) {
    if (taken.contains("azure")) {
      return;
    }
    Optional<String> key = get(env, "AZURE_OPENAI_API_KEY");
    Optional<String> endpoint = get(env, "AZURE_OPENAI_ENDPOINT");
    if (key.isEmpty() || endpoint.isEmpty()) {
      notes.accept("provider azure: not registered (needs AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT)");
      return;
    }
    Map<String, String> meta = new LinkedHashMap<>();
    get(env, "AZURE_OPENAI_API_VERSION").ifPresent(v -> meta.put("api_version", v));
    out.add(new ProviderEntry("azure", "azure", endpoint, meta, ProviderAuth.apiKey("azure", key.get()),
        List.of(), "env AZURE_OPENAI_API_KEY"));
    notes.accept("provider azure: registered from AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT");
  }

  private static void vertex(Map<String, String> env, List<String> taken, List<ProviderEntry> out,
      Consumer<String> notes) {
    if (taken.contains("vertex")) {
      return;
    }
    Optional<String> project = get(env, "VERTEX_PROJECT");
    if (project.isEmpty()) {
      notes.accept("provider vertex: not registered (VERTEX_PROJECT is not set)");
      return;
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("project", project.get());
    get(env, "VERTEX_LOCATION").ifPresent(v -> meta.put("location", v));
    AuthConfig auth;
    try {
      auth = GoogleAuth.applicationDefault();
    } catch (RouterException e) {
      notes.accept("provider vertex: not registered (no application-default credentials: "
          + e.getMessage() + ")");
      return;
    }
    out.add(new ProviderEntry("vertex", "vertex", Optional.empty(), meta, auth, List.of(),
        "env VERTEX_PROJECT"));
    notes.accept("provider vertex: registered for project " + project.get()
        + " (application-default credentials)");
  }

  private static void databricks(Map<String, String> env, List<String> taken, List<ProviderEntry> out,
      Consumer<String> notes) {
    if (taken.contains("databricks")) {
      return;
    }
    Optional<String> host = get(env, "DATABRICKS_HOST");
    Optional<String> token = get(env, "DATABRICKS_TOKEN");
    if (host.isEmpty() || token.isEmpty()) {
      notes.accept("provider databricks: not registered (needs DATABRICKS_HOST and DATABRICKS_TOKEN)");
      return;
    }
    out.add(new ProviderEntry("databricks", "databricks", host, Map.of(), AuthConfig.bearer(token.get()),
        List.of(), "env DATABRICKS_TOKEN"));
    notes.accept("provider databricks: registered from DATABRICKS_HOST and DATABRICKS_TOKEN");
  }
}
