/** Token usage read from replies in each client format, and its cost from the catalog prices. */
package dev.llmrouter.gateway.cost;
