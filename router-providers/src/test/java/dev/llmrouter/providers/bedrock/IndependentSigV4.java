package dev.llmrouter.providers.bedrock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4 computed from AWS's documentation with nothing but the JDK, as an oracle for the SDK signer:
 * canonical request (method, canonical URI with every path segment URI-encoded once more, canonical query,
 * canonical headers, signed header list, hex SHA-256 of the payload), string to sign
 * ({@code AWS4-HMAC-SHA256}, date-time, scope, hex SHA-256 of the canonical request), the signing key
 * chain {@code HMAC("AWS4"+secret, date) -> region -> service -> "aws4_request"}, and the hex HMAC of the
 * string to sign.
 */
final class IndependentSigV4 {
  private IndependentSigV4() {}

  /** The parts of one signature, for assertions on each step. */
  record Result(String canonicalRequest, String stringToSign, String signature, String authorization) {}

  /**
   * Signs a request.
   *
   * @param rawPath the path as sent on the wire (already percent-encoded once)
   * @param rawQuery the query as sent, without {@code ?}; empty for none
   * @param headers the headers to sign, by any-case name
   */
  static Result sign(
      String accessKey,
      String secret,
      String region,
      String service,
      String amzDate,
      String method,
      String rawPath,
      String rawQuery,
      Map<String, String> headers,
      byte[] body) {
    SortedMap<String, String> canonical = new TreeMap<>();
    headers.forEach((name, value) -> canonical.put(name.toLowerCase(java.util.Locale.ROOT),
        value.trim().replaceAll(" +", " ")));
    StringBuilder canonicalHeaders = new StringBuilder();
    canonical.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
    String signedHeaders = String.join(";", canonical.keySet());
    String canonicalRequest =
        method + "\n"
            + canonicalUri(rawPath) + "\n"
            + canonicalQuery(rawQuery) + "\n"
            + canonicalHeaders + "\n"
            + signedHeaders + "\n"
            + hex(sha256(body));
    String date = amzDate.substring(0, 8);
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String stringToSign =
        "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
            + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    String signature = hex(hmac(key, stringToSign));
    String authorization =
        "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
            + ", Signature=" + signature;
    return new Result(canonicalRequest, stringToSign, signature, authorization);
  }

  /** Each segment of the (once-encoded) path URI-encoded again; {@code /} for an empty path. */
  static String canonicalUri(String rawPath) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    String[] segments = rawPath.split("/", -1);
    List<String> out = new ArrayList<>(segments.length);
    for (String segment : segments) {
      out.add(uriEncode(segment));
    }
    return String.join("/", out);
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return "";
    }
    SortedMap<String, String> sorted = new TreeMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      sorted.put(uriEncode(decode(name)), uriEncode(decode(value)));
    }
    List<String> out = new ArrayList<>();
    sorted.forEach((k, v) -> out.add(k + "=" + v));
    return String.join("&", out);
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** URI-encodes every UTF-8 byte outside the unreserved set {@code A-Z a-z 0-9 - _ . ~}, upper-case hex. */
  static String uriEncode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append((char) c);
      } else {
        out.append(String.format("%%%02X", c));
      }
    }
    return out.toString();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(String.format("%02x", b & 0xff));
    }
    return out.toString();
  }

  /** Headers as a case-insensitive-keyed copy, for building the signed set. */
  static Map<String, String> headers(String... nameValuePairs) {
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      out.put(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return out;
  }
}
