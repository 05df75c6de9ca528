package dev.llmrouter.providers.databricks;

import dev.llmrouter.auth.Redaction;
import dev.llmrouter.error.AuthException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Databricks service principal's OAuth client id and secret (machine-to-machine OAuth). Immutable;
 * {@code toString()} shows the client id, never the secret.
 */
public final class DatabricksCredentials {
  private final String clientId;
  private final String clientSecret;

  private DatabricksCredentials(String clientId, String clientSecret) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /**
   * Credentials from a client id and secret.
   *
   * @throws AuthException if either is missing or empty
   */
  public static DatabricksCredentials of(String clientId, String clientSecret) {
    if (clientId == null || clientId.isBlank()) {
      throw new AuthException("Databricks OAuth client_id is missing or empty");
    }
    if (clientSecret == null || clientSecret.isEmpty()) {
      throw new AuthException("Databricks OAuth client_secret is missing or empty");
    }
    if (clientId.indexOf(':') >= 0) {
      throw new AuthException("Databricks OAuth client_id must not contain ':' (HTTP Basic authentication)");
    }
    return new DatabricksCredentials(clientId, clientSecret);
  }

  /**
   * Credentials from JSON such as {@code {"client_id": "...", "client_secret": "..."}} (other members are
   * ignored).
   *
   * @throws AuthException if it is not a JSON object with both members; the message never quotes the text
   */
  public static DatabricksCredentials fromJson(String json) {
    if (json == null) {
      throw new AuthException("Databricks OAuth credentials JSON is missing");
    }
    String[] problem = new String[1];
    Optional<Map<String, String>> members = FlatJson.read(json.getBytes(StandardCharsets.UTF_8), problem);
    if (members.isEmpty()) {
      throw new AuthException("failed to parse Databricks OAuth credentials JSON: " + problem[0]);
    }
    return of(members.get().get("client_id"), members.get().get("client_secret"));
  }

  /** The service principal's application (client) id. */
  public String clientId() {
    return clientId;
  }

  /** The OAuth secret. */
  public String clientSecret() {
    return clientSecret;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatabricksCredentials
        && clientId.equals(((DatabricksCredentials) o).clientId)
        && clientSecret.equals(((DatabricksCredentials) o).clientSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientId, clientSecret);
  }

  @Override
  public String toString() {
    return "DatabricksCredentials{clientId=" + clientId + ", clientSecret=" + Redaction.redact(clientSecret) + "}";
  }
}
