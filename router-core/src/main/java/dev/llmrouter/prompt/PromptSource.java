package dev.llmrouter.prompt;

/**
 * Where prompts come from (SPI): an in-memory map, a directory of files, a prompt service. Implementations are
 * thread-safe and safe to call from virtual threads (no {@code synchronized} around blocking I/O).
 *
 * <p>Errors are typed and there is never a fallback: an unknown prompt, version or environment is a
 * {@link PromptNotFoundException}; a malformed stored prompt is a {@link PromptTemplateException}; a source
 * that cannot be reached is a {@link dev.llmrouter.error.TransportException} (or
 * {@link dev.llmrouter.error.UpstreamTimeoutException}); a service that answers with an error status or an
 * unreadable body is an {@link dev.llmrouter.error.UpstreamHttpException} or
 * {@link dev.llmrouter.error.UpstreamProtocolException}.
 */
public interface PromptSource {

  /**
   * The prompt {@code ref} names: the pinned version when one is given, else the latest (in the environment,
   * when one is given).
   *
   * @throws PromptNotFoundException when there is no such prompt, version or environment
   */
  Prompt load(PromptRef ref);

  /** A short name for messages and logs (such as {@code litellm-prompts}); never contains credentials. */
  default String name() {
    return getClass().getSimpleName();
  }
}
