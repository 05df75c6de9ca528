package dev.llmrouter.gateway.config;

/** The gateway cannot start as configured (bad file, bad value, unsafe bind); the message says what to fix. */
public class GatewayConfigException extends RuntimeException {
  /** An error naming the setting at fault. */
  public GatewayConfigException(String message) {
    super(message);
  }

  /** An error naming the setting at fault, with its cause. */
  public GatewayConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
