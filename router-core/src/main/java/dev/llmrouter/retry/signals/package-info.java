/**
 * What an upstream error reply says about retrying: wait hints from its headers ({@link
 * dev.llmrouter.retry.signals.RetryHints}: {@code retry-after-ms}, {@code retry-after}, rate-limit resets)
 * and overloaded, rate-limited or out-of-quota signals in its body ({@link
 * dev.llmrouter.retry.signals.ErrorBodySignals}). A leaf package (it depends only on {@code json}), so the
 * error types can use it without a package cycle.
 */
package dev.llmrouter.retry.signals;
