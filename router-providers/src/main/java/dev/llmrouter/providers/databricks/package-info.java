/**
 * The Databricks provider (model serving endpoints) and its service-principal OAuth token source,
 * {@link dev.llmrouter.providers.databricks.DatabricksTokens}.
 */
package dev.llmrouter.providers.databricks;
