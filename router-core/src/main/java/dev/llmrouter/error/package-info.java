/**
 * The router's typed exceptions. {@link dev.llmrouter.error.RouterException} is the root; its four branches
 * are client errors, auth errors, upstream errors (with status, headers and body) and transport errors.
 */
package dev.llmrouter.error;
