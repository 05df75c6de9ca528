/** Retry policy (immutable configuration) and retry strategy (per-request state), with the Rust router's numbers. */
package dev.llmrouter.retry;
