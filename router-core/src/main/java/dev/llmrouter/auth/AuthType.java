package dev.llmrouter.auth;

/** The kind of an {@link AuthConfig}; its {@link #id()} is the snake_case tag used in JSON configs. */
public enum AuthType {
  API_KEY("api_key"),
  OAUTH("o_auth"),
  AZURE_ENTRA("azure_entra"),
  AWS_SIGNATURE_V4("aws_signature_v4"),
  CUSTOM("custom"),
  /** A bearer token fetched and refreshed by a {@link TokenProvider}. */
  REFRESHING_TOKEN("refreshing_token");

  private final String id;

  AuthType(String id) {
    this.id = id;
  }

  /** The JSON tag of this kind, as the Rust crate spells it. */
  public String id() {
    return id;
  }
}
