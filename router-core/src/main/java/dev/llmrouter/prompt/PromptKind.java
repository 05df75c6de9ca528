package dev.llmrouter.prompt;

/** Whether a prompt is a list of chat template messages or one completion text. */
public enum PromptKind {
  /** Template messages ({@link Prompt#messages()}). */
  CHAT,
  /** One template text ({@link Prompt#text()}); sent as a user message to chat-style APIs. */
  COMPLETION
}
