package dev.llmrouter.examples;

import java.util.Optional;

/** Reads the environment for the examples and explains what is missing. */
final class Env {
  /** Exit status of an example that cannot run because a credential is missing. */
  static final int MISSING_CONFIGURATION = 2;

  private Env() {}

  /** The value of {@code name}, or prints how to set it and exits with status 2. */
  static String require(String name, String example) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      System.err.println(name + " is not set. Set it and run again, for example:");
      System.err.println();
      System.err.println("  export " + name + "=" + example);
      System.err.println();
      System.err.println("To see the router work without any key, run the LocalDemo example instead:");
      System.err.println("  ./mvnw -q -pl examples -am -DskipTests package exec:java");
      System.exit(MISSING_CONFIGURATION);
    }
    return value.get();
  }

  /** The value of {@code name} when it is set and not blank. */
  static Optional<String> optional(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
