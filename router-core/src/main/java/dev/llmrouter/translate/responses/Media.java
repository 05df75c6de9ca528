package dev.llmrouter.translate.responses;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Media helpers of lingua's util/media.rs that the Responses codec needs: base64 data URLs, remote URI
 * checks and MIME inference from a file name or URL. (The Chat codec keeps its own copy for now.)
 */
final class Media {
  private Media() {}

  /** A parsed {@code data:<media type>;base64,<data>} URL. */
  record DataUrl(String mediaType, String data) {}

  /** The parts of a base64 data URL; null when {@code url} is not one (or has no data). */
  static DataUrl parseBase64DataUrl(String url) {
    if (!url.startsWith("data:")) {
      return null;
    }
    int comma = url.indexOf(',', 5);
    if (comma < 0 || comma == url.length() - 1) {
      return null;
    }
    String meta = url.substring(5, comma);
    int semi = meta.indexOf(';');
    if (semi < 0 || !meta.substring(semi + 1).equals("base64")) {
      return null;
    }
    return new DataUrl(meta.substring(0, semi), url.substring(comma + 1));
  }

  private static URI remoteUri(String reference) {
    if (reference.isEmpty()) {
      return null;
    }
    // The scheme is what precedes the first ':'; only these three are kept, so anything else (a long
    // data: URL above all) is not worth parsing.
    if (!reference.regionMatches(true, 0, "http:", 0, 5)
        && !reference.regionMatches(true, 0, "https:", 0, 6)
        && !reference.regionMatches(true, 0, "gs:", 0, 3)) {
      return null;
    }
    try {
      URI uri = new URI(reference);
      String scheme = uri.getScheme();
      if (scheme == null) {
        return null;
      }
      String s = scheme.toLowerCase(Locale.ROOT);
      return s.equals("http") || s.equals("https") || s.equals("gs") ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Whether {@code reference} is an http, https or gs URI. */
  static boolean isRemoteMediaUri(String reference) {
    return remoteUri(reference) != null;
  }

  private static final Map<String, String> MIME_BY_EXTENSION =
      Map.ofEntries(
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("png", "image/png"),
          Map.entry("webp", "image/webp"),
          Map.entry("heic", "image/heic"),
          Map.entry("heif", "image/heif"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("txt", "text/plain"),
          Map.entry("flv", "video/x-flv"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("mpeg", "video/mpeg"),
          Map.entry("mpegs", "video/mpegs"),
          Map.entry("mpg", "video/mpg"),
          Map.entry("wmv", "video/wmv"),
          Map.entry("3gp", "video/3gpp"),
          Map.entry("3gpp", "video/3gpp"),
          Map.entry("aac", "audio/x-aac"),
          Map.entry("flac", "audio/flac"),
          Map.entry("mp3", "audio/mp3"),
          Map.entry("m4a", "audio/m4a"),
          Map.entry("mpga", "audio/mpga"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("pcm", "audio/pcm"),
          Map.entry("wav", "audio/wav"));

  static String mimeFromFilename(String name) {
    if (name == null) {
      return null;
    }
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    return MIME_BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * The MIME type implied by a file name or remote URL: a content type in a signed S3 URL wins, then the
   * file name's extension, then the URL path's last segment; null when unknown.
   */
  static String inferMimeType(String filename, String url) {
    String urlFilename = null;
    if (url != null) {
      URI uri = remoteUri(url);
      if (uri != null) {
        String[] meta = fileMetadata(uri);
        if (meta != null) {
          if (meta[1] != null) {
            return meta[1];
          }
          urlFilename = meta[0];
        }
      }
    }
    String fromName = mimeFromFilename(filename);
    return fromName != null ? fromName : mimeFromFilename(urlFilename);
  }

  /** {filename, content type or null} from a URL path (and S3 presigned query), or null. */
  private static String[] fileMetadata(URI uri) {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty() || path.endsWith("/")) {
      return null;
    }
    String filename = path.substring(path.lastIndexOf('/') + 1);
    if (filename.isEmpty()) {
      return null;
    }
    String contentType = null;
    String query = uri.getRawQuery();
    if (query != null && hasQueryKey(query, "X-Amz-Expires")) {
      String disposition = queryValue(query, "response-content-disposition");
      if (disposition != null) {
        String fromDisposition = contentDispositionFilename(disposition);
        if (fromDisposition != null) {
          filename = fromDisposition;
        }
      }
      contentType = queryValue(query, "response-content-type");
    }
    return new String[] {percentDecode(filename), contentType};
  }

  private static boolean hasQueryKey(String query, String key) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (formDecode(eq < 0 ? pair : pair.substring(0, eq)).equals(key)) {
        return true;
      }
    }
    return false;
  }

  private static String queryValue(String query, String key) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = formDecode(eq < 0 ? pair : pair.substring(0, eq));
      if (k.equals(key)) {
        return eq < 0 ? "" : formDecode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String contentDispositionFilename(String value) {
    int start = value.indexOf("filename=\"");
    if (start >= 0) {
      String rest = value.substring(start + 10);
      int end = rest.indexOf('"');
      if (end >= 0) {
        return percentDecode(rest.substring(0, end));
      }
    }
    start = value.indexOf("filename*=");
    if (start >= 0) {
      String rest = value.substring(start + 10);
      int quotes = rest.indexOf("''");
      if (quotes >= 0) {
        String encoded = rest.substring(quotes + 2);
        int semi = encoded.indexOf(';');
        return percentDecode((semi < 0 ? encoded : encoded.substring(0, semi)).trim());
      }
    }
    return null;
  }

  private static String formDecode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** Percent-decoding without treating {@code +} as a space; the input when it is malformed. */
  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
