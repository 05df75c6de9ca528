/**
 * The model catalog: which models exist, their wire format ({@link dev.llmrouter.catalog.ProviderFormat})
 * and flavor, limits, prices, the providers that serve them and their fallback equivalence groups.
 *
 * <p>{@link dev.llmrouter.catalog.ModelCatalog} loads Braintrust's proxy {@code model_list.json} schema
 * with jackson-core streaming (no data binding) and indexes it;
 * {@link dev.llmrouter.catalog.OverlayModelCatalog} layers custom models over a shared base catalog;
 * both are {@link dev.llmrouter.catalog.CatalogView}s for route resolution. Errors are
 * {@link dev.llmrouter.catalog.CatalogException}s naming the model and field at fault.
 *
 * <p>Cost accounting: {@link dev.llmrouter.catalog.Usage} normalizes each provider's token counts
 * (inclusive or exclusive of cache buckets and reasoning), and
 * {@link dev.llmrouter.catalog.CostCalculator} prices them exactly, returning an empty result rather than
 * zero when a price is unknown.
 */
package dev.llmrouter.catalog;
