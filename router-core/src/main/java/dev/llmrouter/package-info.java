/**
 * The router facade: build a {@link dev.llmrouter.Router} with {@link dev.llmrouter.RouterBuilder}, then
 * {@code handle} raw request bytes (or drive resolve, prepare and execute yourself) and get back a
 * {@link dev.llmrouter.Completion} or a {@link dev.llmrouter.ResponseStream}, with
 * {@link dev.llmrouter.RouterMetadata} describing the route taken.
 *
 * <p>Module {@code router-core}: everything here is independent of any HTTP library; providers plug in
 * through {@link dev.llmrouter.provider.Provider}.
 */
package dev.llmrouter;
