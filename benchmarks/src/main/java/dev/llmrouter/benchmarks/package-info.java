/**
 * JMH benchmarks: request and response translation per pair against a jackson-core parse-and-rewrite
 * baseline, stream translation per event, and same-format pass-through. See PERFORMANCE.md for the command
 * and the numbers.
 */
package dev.llmrouter.benchmarks;
