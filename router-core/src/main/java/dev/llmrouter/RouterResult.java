package dev.llmrouter;

import java.util.Optional;

/**
 * What {@link Router#handle} returns: a {@link Completion} for a non-streaming request or a
 * {@link ResponseStream} for a streaming one, both carrying {@link RouterMetadata}.
 */
public sealed interface RouterResult permits Completion, ResponseStream {

  /** How the request was routed. */
  RouterMetadata metadata();

  /** The completion, when the request did not stream. */
  default Optional<Completion> completion() {
    return this instanceof Completion c ? Optional.of(c) : Optional.empty();
  }

  /** The stream, when the request streamed. Close it when done. */
  default Optional<ResponseStream> stream() {
    return this instanceof ResponseStream s ? Optional.of(s) : Optional.empty();
  }
}
