/**
 * Runnable examples: {@code LocalDemo} (the whole router against a stand-in OpenAI server on 127.0.0.1, no
 * key needed), {@code Simple} (resolve, prepare, execute against OpenAI) and {@code Streaming}.
 */
package dev.llmrouter.examples;
