/** Errors as each client format writes them, and the mapping from router exceptions to HTTP statuses. */
package dev.llmrouter.gateway.error;
