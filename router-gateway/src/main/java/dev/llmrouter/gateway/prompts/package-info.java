/**
 * The gateway's prompt store and prompt endpoints: versioned prompts per environment on JDBC (SQLite file by
 * default, PostgreSQL by URL), LiteLLM's generic prompt-management API and {@code /prompts} CRUD API, token
 * scopes for readers, and the example prompts imported into an empty store.
 */
package dev.llmrouter.gateway.prompts;
