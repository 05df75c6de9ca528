package dev.llmrouter.gateway.http;

import dev.llmrouter.catalog.ProviderFormat;

/** The gateway's endpoints, each with its metric label and the client format it speaks. */
public enum Endpoint {
  /** {@code POST /v1/chat/completions}. */
  CHAT_COMPLETIONS("/v1/chat/completions", ProviderFormat.OPENAI),
  /** {@code POST /v1/responses}. */
  RESPONSES("/v1/responses", ProviderFormat.RESPONSES),
  /** {@code POST /v1/messages}. */
  MESSAGES("/v1/messages", ProviderFormat.ANTHROPIC),
  /** {@code POST /v1beta/models/{model}:generateContent}. */
  GENERATE_CONTENT("/v1beta/models/{model}:generateContent", ProviderFormat.GOOGLE),
  /** {@code POST /v1beta/models/{model}:streamGenerateContent}. */
  STREAM_GENERATE_CONTENT("/v1beta/models/{model}:streamGenerateContent", ProviderFormat.GOOGLE),
  /** {@code GET /v1/models}. */
  MODELS("/v1/models", ProviderFormat.OPENAI),
  /** {@code GET /health}. */
  HEALTH("/health", ProviderFormat.OPENAI),
  /** {@code GET /metrics}. */
  METRICS("/metrics", ProviderFormat.OPENAI),
  /** Anything else. */
  UNKNOWN("other", ProviderFormat.OPENAI);

  private final String label;
  private final ProviderFormat format;

  Endpoint(String label, ProviderFormat format) {
    this.label = label;
    this.format = format;
  }

  /** The metric and log label. */
  public String label() {
    return label;
  }

  /** The client format of requests, replies and errors. */
  public ProviderFormat format() {
    return format;
  }

  /** Whether this endpoint calls a model. */
  public boolean isModelCall() {
    return this == CHAT_COMPLETIONS || this == RESPONSES || this == MESSAGES || this == GENERATE_CONTENT
        || this == STREAM_GENERATE_CONTENT;
  }
}
