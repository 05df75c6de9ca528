package dev.llmrouter.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.llmrouter.Router;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.gateway.GatewayModels;
import dev.llmrouter.json.Json;
import dev.llmrouter.route.ProviderRoute;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@code GET /v1/models} body in OpenAI's list shape: every catalog model the router can route with
 * the registered providers, {@code owned_by} the provider alias it would use. Computed once.
 */
final class ModelsListing {
  private ModelsListing() {}

  static byte[] build(Router router, GatewayModels models) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = Json.factory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("object", "list");
      g.writeArrayFieldStart("data");
      for (String name : models.names()) {
        ModelSpec spec = models.find(name).orElseThrow();
        List<ProviderRoute> routes;
        try {
          routes = router.resolveRoutes(name, ProviderFormat.OPENAI);
        } catch (RuntimeException e) {
          continue;
        }
        if (routes.isEmpty()) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("id", name);
        g.writeStringField("object", "model");
        g.writeNumberField("created", 0);
        g.writeStringField("owned_by", routes.get(0).providerAlias());
        spec.displayName().ifPresent(d -> {
          try {
            g.writeStringField("display_name", d);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
