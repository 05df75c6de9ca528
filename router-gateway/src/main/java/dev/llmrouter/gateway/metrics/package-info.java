/** Request metrics and their Prometheus text exposition, written by hand (no metrics library). */
package dev.llmrouter.gateway.metrics;
