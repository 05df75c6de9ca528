/**
 * Retries and failover decisions: retry policy (immutable configuration) and retry strategy (per-request
 * state) with the Rust router's numbers, and which failures move a request to the next route
 * ({@link dev.llmrouter.retry.FailoverClassifier}). What an upstream reply says about retrying is read in
 * {@link dev.llmrouter.retry.signals}.
 */
package dev.llmrouter.retry;
