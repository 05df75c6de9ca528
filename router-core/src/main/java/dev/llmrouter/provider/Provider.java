package dev.llmrouter.provider;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.List;

/**
 * The provider SPI: sends prepared bytes to one upstream service and returns its bytes or raw events.
 * Implementations live in {@code router-providers} (or in user code); core knows no HTTP library.
 *
 * <p>Implementations must be thread-safe and must not block while holding a monitor (virtual threads).
 * Errors are {@link dev.llmrouter.error.RouterException}s: a non-2xx reply is an
 * {@link dev.llmrouter.error.UpstreamHttpException}, a connection failure a
 * {@link dev.llmrouter.error.TransportException}, bad credentials an {@link dev.llmrouter.error.AuthException}.
 */
public interface Provider {

  /**
   * A stable provider id ({@code openai}, {@code anthropic}, {@code google}, {@code vertex}, {@code bedrock},
   * {@code azure}, {@code azure_ai_gateway}, {@code mistral}, {@code databricks}, ...). Route resolution
   * special-cases some of these ids, as the Rust router does.
   */
  String id();

  /** Whether this registration satisfies a catalog alias; by default when the alias equals {@link #id()}. */
  default boolean matchesProviderAlias(String alias) {
    return id().equals(alias);
  }

  /** The wire formats this provider can send, in preference order. */
  List<ProviderFormat> formats();

  /**
   * Whether the builder may pick this provider as the backup default for {@code format} when no provider
   * claims it explicitly. By default every supported format; Google excludes its Chat Completions endpoint.
   */
  default boolean isBackupDefaultFor(ProviderFormat format) {
    return formats().contains(format);
  }

  /** Sends the request and returns the complete response body (2xx only). */
  byte[] complete(ProviderRequest request);

  /**
   * Sends a streaming request. A non-2xx status throws before any stream is returned; a 2xx reply is
   * returned as raw events in the provider's wire format. The router only calls this for models whose
   * catalog entry supports streaming; it fake-streams the others through {@link #complete}.
   */
  RawResponseStream completeStream(ProviderRequest request);
}
