/** Gateway configuration: the JSON file, the environment, and the provider registrations they describe. */
package dev.llmrouter.gateway.config;
