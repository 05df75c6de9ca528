package dev.llmrouter.providers.http;

import dev.llmrouter.error.InvalidRequestException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;

/**
 * URL building the way the Rust providers do it: "push segments" for endpoints such as
 * {@code …/v1} + {@code chat/completions}, and RFC 3986 "join" for endpoints such as Anthropic's
 * {@code …/v1/} + {@code messages}. The two differ for a base without a trailing slash: push keeps its last
 * segment, join replaces it.
 */
public final class UrlPaths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlPaths() {}

  /**
   * Parses an absolute {@code http} or {@code https} URL.
   *
   * @param what what the URL is, for the error message (such as {@code "openai endpoint"})
   * @throws InvalidRequestException if it is not one
   */
  public static HttpUrl parse(String url, String what) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
    if (parsed == null) {
      throw new InvalidRequestException(
          what + " is not a valid http(s) URL: " + (url == null ? "null" : redact(url)));
    }
    return parsed;
  }

  /** Like {@link #parse(String, String)} for a {@link URI}. */
  public static HttpUrl parse(URI url, String what) {
    return parse(url == null ? null : url.toString(), what);
  }

  /**
   * Removes one trailing empty path segment (a trailing {@code /}), then appends each segment
   * percent-encoded as exactly one path segment: a {@code /} inside a segment becomes {@code %2F}, a
   * {@code %} becomes {@code %25}. The query and fragment are kept.
   *
   * @throws InvalidRequestException for an empty, {@code .} or {@code ..} segment, which cannot be kept as
   *     one segment (the Rust {@code url} crate silently drops dot segments instead)
   */
  public static HttpUrl pushSegments(HttpUrl base, String... segments) {
    StringBuilder path = new StringBuilder(base.encodedPath());
    if (path.length() > 0 && path.charAt(path.length() - 1) == '/') {
      path.setLength(path.length() - 1);
    }
    for (String segment : segments) {
      if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new InvalidRequestException("invalid URL path segment '" + segment + "'");
      }
      path.append('/').append(encodeSegment(segment));
    }
    return base.newBuilder().encodedPath(path.toString()).build();
  }

  /**
   * RFC 3986 relative resolution of {@code reference} against {@code base}: {@code …/v1/} joined with
   * {@code messages} is {@code …/v1/messages}, while {@code …/v1} joined with it is {@code …/messages}.
   *
   * @throws InvalidRequestException if the result is not a valid http(s) URL
   */
  public static HttpUrl join(HttpUrl base, String reference) {
    HttpUrl resolved = reference == null ? null : base.resolve(reference);
    if (resolved == null) {
      throw new InvalidRequestException("cannot join URL path '" + reference + "' to " + redact(base));
    }
    return resolved;
  }

  /**
   * Percent-encodes text as one path segment: RFC 3986 {@code pchar}s (unreserved, sub-delims, {@code :}
   * and {@code @}) stay, every other byte of its UTF-8 form is encoded.
   */
  public static String encodeSegment(String segment) {
    byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte raw : bytes) {
      int c = raw & 0xff;
      if (isPchar(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * A URL for messages and {@code toString()}: scheme, host, port and path only. User info and the query
   * are left out because they may carry credentials.
   */
  public static String redact(HttpUrl url) {
    StringBuilder s = new StringBuilder().append(url.scheme()).append("://");
    String host = url.host();
    s.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
    if (url.port() != HttpUrl.defaultPort(url.scheme())) {
      s.append(':').append(url.port());
    }
    s.append(url.encodedPath());
    if (url.encodedQuery() != null) {
      s.append("?…");
    }
    return s.toString();
  }

  /** Like {@link #redact(HttpUrl)} for text that may not parse: the query and any user info are cut. */
  public static String redact(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed != null) {
      return redact(parsed);
    }
    String shown = url;
    int query = shown.indexOf('?');
    if (query >= 0) {
      shown = shown.substring(0, query) + "?…";
    }
    int at = shown.lastIndexOf('@');
    if (at >= 0) {
      int schemeEnd = shown.indexOf("://");
      String prefix = schemeEnd >= 0 && schemeEnd < at ? shown.substring(0, schemeEnd + 3) : "";
      shown = prefix + "…@" + shown.substring(at + 1);
    }
    return shown;
  }

  private static boolean isPchar(int c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
  }
}
