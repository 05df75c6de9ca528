/**
 * Route resolution: model lookup ({@link dev.llmrouter.route.ModelResolver}), provider registrations and
 * format defaults, wire-format selection, and normal and failover route lists
 * ({@link dev.llmrouter.route.RouteResolver}), as the Rust router defines them.
 */
package dev.llmrouter.route;
