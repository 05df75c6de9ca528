package dev.llmrouter.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * URL helpers for remote media: which references are fetched ({@code http}/{@code https} only;
 * {@code data:} and {@code gs://} are not), parsing, and redaction for messages (query strings of signed
 * URLs carry tokens, user info carries passwords).
 */
public final class MediaUrls {
  /** Longest URL text shown in a message; longer ones are cut. */
  static final int MAX_SHOWN = 300;

  private static final String REDACTED = "<redacted>";

  private MediaUrls() {}

  /** Whether {@code reference} is an {@code http://} or {@code https://} URL, the ones that are fetched. */
  public static boolean isRemote(String reference) {
    if (reference == null) {
      return false;
    }
    return reference.regionMatches(true, 0, "http://", 0, 7)
        || reference.regionMatches(true, 0, "https://", 0, 8);
  }

  /**
   * {@code url} as an absolute http/https URI with a host.
   *
   * @throws MediaFetchException ({@link MediaFetchException.Reason#INVALID_URL}) otherwise
   */
  public static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new MediaFetchException(
          MediaFetchException.Reason.INVALID_URL, "not a valid URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new MediaFetchException(
          MediaFetchException.Reason.INVALID_URL, "media URL must use http or https");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new MediaFetchException(MediaFetchException.Reason.INVALID_URL, "media URL has no host");
    }
    return uri;
  }

  /**
   * {@code url} safe for a message or log line: user info and fragment removed, the query replaced by
   * {@code <redacted>}, and cut to a bounded length.
   */
  public static String redact(String url) {
    if (url == null) {
      return "";
    }
    String s = url;
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    int query = s.indexOf('?');
    if (query >= 0) {
      s = s.substring(0, query) + "?" + REDACTED;
    }
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      int hostStart = scheme + 3;
      int authorityEnd = s.length();
      for (int i = hostStart; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '/' || c == '?') {
          authorityEnd = i;
          break;
        }
      }
      int at = s.lastIndexOf('@', authorityEnd - 1);
      if (at >= hostStart) {
        s = s.substring(0, hostStart) + REDACTED + "@" + s.substring(at + 1);
      }
    }
    if (s.length() > MAX_SHOWN) {
      s = s.substring(0, MAX_SHOWN) + "...";
    }
    return s;
  }

  /**
   * {@code text} with the secret-bearing pieces of {@code url} (its query, fragment and user info)
   * replaced by {@code <redacted>}, for messages that a fetcher or a library wrote.
   */
  public static String scrub(String text, String url) {
    if (text == null || text.isEmpty() || url == null) {
      return text == null ? "" : text;
    }
    String out = text;
    int hash = url.indexOf('#');
    if (hash >= 0 && hash + 1 < url.length()) {
      out = out.replace(url.substring(hash + 1), REDACTED);
    }
    String noFragment = hash >= 0 ? url.substring(0, hash) : url;
    int query = noFragment.indexOf('?');
    if (query >= 0 && query + 1 < noFragment.length()) {
      out = out.replace(noFragment.substring(query + 1), REDACTED);
    }
    int scheme = url.indexOf("://");
    if (scheme >= 0) {
      int at = url.indexOf('@', scheme + 3);
      int slash = url.indexOf('/', scheme + 3);
      if (at > scheme + 3 && (slash < 0 || at < slash)) {
        out = out.replace(url.substring(scheme + 3, at), REDACTED);
      }
    }
    return out;
  }
}
