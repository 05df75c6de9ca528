package dev.llmrouter.route;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.provider.Provider;

/**
 * The wire format for one (provider, model, output format) triple: the nine rules of spec 2.5, first match
 * wins. Several rules key on provider ids, as the Rust router does.
 */
final class FormatSelection {
  private FormatSelection() {}

  static ProviderFormat select(Provider provider, ResolvedModel model, ProviderFormat output) {
    ProviderFormat catalog = model.catalogFormat();
    String id = provider.id();
    if (provider.formats().contains(ProviderFormat.RESPONSES) && model.spec().requiresResponsesApi()) {
      return ProviderFormat.RESPONSES;
    }
    switch (id) {
      case "azure_ai_gateway":
        return catalog;
      case "azure":
        if (catalog == ProviderFormat.ANTHROPIC) {
          return ProviderFormat.ANTHROPIC;
        }
        break;
      case "anthropic":
        return catalog == ProviderFormat.OPENAI ? ProviderFormat.OPENAI : ProviderFormat.ANTHROPIC;
      case "bedrock":
      case "google":
        return catalog;
      case "vertex":
        if (output == ProviderFormat.OPENAI
            && model.spec().format() == ProviderFormat.OPENAI
            && !model.spec().availableProviders().isEmpty()) {
          return ProviderFormat.OPENAI;
        }
        break;
      default:
        break;
    }
    if (output != catalog && provider.formats().contains(output)) {
      return output;
    }
    return catalog;
  }
}
