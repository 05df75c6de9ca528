/** The provider SPI: {@link dev.llmrouter.provider.Provider}, its request value, raw streams and cancellation. */
package dev.llmrouter.provider;
