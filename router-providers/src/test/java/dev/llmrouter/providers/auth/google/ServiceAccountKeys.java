package dev.llmrouter.providers.auth.google;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Test service-account keys: a fresh RSA key pair per JVM (never a real credential) and the key JSON that
 * Google issues for it, with {@code token_uri} pointing wherever the test says (a loopback MockWebServer).
 */
public final class ServiceAccountKeys {
  /** The service account's e-mail. */
  public static final String CLIENT_EMAIL = "router-test@test-project.iam.gserviceaccount.com";

  /** The key id, sent as the JWT header's {@code kid}. */
  public static final String PRIVATE_KEY_ID = "0123456789abcdef0123456789abcdef01234567";

  private static final KeyPair KEY_PAIR = generate();

  private ServiceAccountKeys() {}

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key pair whose private half is in {@link #json}. */
  public static KeyPair keyPair() {
    return KEY_PAIR;
  }

  /** The private key as a PKCS#8 PEM block. */
  public static String privateKeyPem() {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(KEY_PAIR.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }

  /** The base64 body of the PEM (the part a leak would show). */
  public static String privateKeyBase64() {
    return Base64.getEncoder().encodeToString(KEY_PAIR.getPrivate().getEncoded());
  }

  /** A complete service-account key JSON whose token endpoint is {@code tokenUri}. */
  public static String json(String tokenUri) {
    return "{\"type\":\"service_account\",\"project_id\":\"test-project\","
        + "\"private_key_id\":\"" + PRIVATE_KEY_ID + "\","
        + "\"private_key\":\"" + privateKeyPem().replace("\n", "\\n") + "\","
        + "\"client_email\":\"" + CLIENT_EMAIL + "\",\"client_id\":\"100000000000000000001\","
        + "\"auth_uri\":\"https://accounts.google.com/o/oauth2/auth\","
        + "\"token_uri\":\"" + tokenUri + "\","
        + "\"universe_domain\":\"googleapis.com\"}";
  }

  /** Only what the Rust router needs: client_email, private_key and token_uri. */
  public static String minimalJson(String tokenUri) {
    return "{\"client_email\":\"" + CLIENT_EMAIL + "\","
        + "\"private_key\":\"" + privateKeyPem().replace("\n", "\\n") + "\","
        + "\"token_uri\":\"" + tokenUri + "\"}";
  }

  /** A token endpoint reply. */
  public static String tokenReply(String accessToken, long expiresIn) {
    return "{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}";
  }
}
