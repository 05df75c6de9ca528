package dev.llmrouter.translate.google;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The media helpers the Gemini codec needs (lingua's util/media.rs): base64 data URLs, remote media URIs
 * ({@code http}, {@code https}, {@code gs}) and MIME inference from a file name or URL (including the
 * content type and file name of S3 presigned URLs). No regular expressions: everything is prefix and
 * index scanning.
 */
final class GoogleMedia {
  private GoogleMedia() {}

  /**
   * A parsed {@code data:<type>;base64,<data>} URL.
   *
   * @param mediaType the MIME type
   * @param data the base64 payload
   */
  record DataUrl(String mediaType, String data) {}

  /** The parts of a base64 data URL; null when {@code url} is not one (lingua's parse_base64_data_url). */
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

  /** The length of the scheme and "://" of a remote media URI (http, https, gs), or -1. */
  private static int remotePrefixLength(String reference) {
    int colon = reference.indexOf("://");
    if (colon <= 0) {
      return -1;
    }
    String scheme = reference.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("gs")) {
      return -1;
    }
    int start = colon + 3;
    if (start >= reference.length()) {
      return -1;
    }
    char first = reference.charAt(start);
    if (first == '/' || first == '?' || first == '#' || Character.isWhitespace(first)) {
      return -1;
    }
    for (int i = 0; i < reference.length(); i++) {
      if (Character.isWhitespace(reference.charAt(i))) {
        return -1;
      }
    }
    return start;
  }

  /** Whether {@code reference} can be sent as a remote URI: an http, https or gs URL with a host. */
  static boolean isRemoteMediaUri(String reference) {
    return remotePrefixLength(reference) >= 0;
  }

  /**
   * The MIME type inferred from a file name or a remote URL (lingua's infer_mime_type_from_reference): a
   * presigned URL's {@code response-content-type} wins, then the extension of {@code filename}, then the
   * extension of the URL's last path segment; null when nothing is known.
   */
  static String inferMimeType(String filename, String url) {
    String urlFilename = null;
    if (url != null) {
      int start = remotePrefixLength(url);
      if (start >= 0) {
        int end = url.length();
        int hash = url.indexOf('#', start);
        if (hash >= 0) {
          end = hash;
        }
        int query = url.indexOf('?', start);
        String queryText = null;
        if (query >= 0 && query < end) {
          queryText = url.substring(query + 1, end);
          end = query;
        }
        int slash = url.indexOf('/', start);
        if (slash >= 0 && slash < end) {
          String path = url.substring(slash, end);
          if (!path.equals("/") && !path.endsWith("/")) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (!name.isEmpty()) {
              if (queryText != null && hasQueryKey(queryText, "X-Amz-Expires")) {
                String disposition = queryValue(queryText, "response-content-disposition");
                if (disposition != null) {
                  String fromDisposition = filenameFromDisposition(disposition);
                  if (fromDisposition != null) {
                    name = fromDisposition;
                  }
                }
                String contentType = queryValue(queryText, "response-content-type");
                if (contentType != null) {
                  return contentType;
                }
              }
              urlFilename = percentDecode(name, false);
            }
          }
        }
      }
    }
    String fromName = filename == null ? null : mimeFromFilename(filename);
    if (fromName != null) {
      return fromName;
    }
    return urlFilename == null ? null : mimeFromFilename(urlFilename);
  }

  private static boolean hasQueryKey(String query, String key) {
    return queryValue(query, key) != null;
  }

  /** The form-decoded value of the first {@code key} pair of a query string, or null. */
  private static String queryValue(String query, String key) {
    int i = 0;
    while (i <= query.length()) {
      int amp = query.indexOf('&', i);
      if (amp < 0) {
        amp = query.length();
      }
      if (amp > i) {
        String pair = query.substring(i, amp);
        int eq = pair.indexOf('=');
        String k = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
        if (k.equals(key)) {
          return eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true);
        }
      }
      i = amp + 1;
    }
    return null;
  }

  private static String filenameFromDisposition(String value) {
    int start = value.indexOf("filename=\"");
    if (start >= 0) {
      String rest = value.substring(start + 10);
      int end = rest.indexOf('"');
      if (end >= 0) {
        return percentDecode(rest.substring(0, end), false);
      }
    }
    start = value.indexOf("filename*=");
    if (start >= 0) {
      String rest = value.substring(start + 10);
      int quotes = rest.indexOf("''");
      if (quotes >= 0) {
        String encoded = rest.substring(quotes + 2);
        int semi = encoded.indexOf(';');
        if (semi >= 0) {
          encoded = encoded.substring(0, semi);
        }
        return percentDecode(encoded.trim(), false);
      }
    }
    return null;
  }

  /** Percent-decodes UTF-8 text; {@code plusIsSpace} for form encoding. Malformed escapes are kept. */
  private static String percentDecode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else if (b == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /** The MIME type of a file name's extension (the table of lingua's mime_type_from_filename). */
  static String mimeFromFilename(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
      case "jpg":
      case "jpeg":
        return "image/jpeg";
      case "png":
        return "image/png";
      case "webp":
        return "image/webp";
      case "heic":
        return "image/heic";
      case "heif":
        return "image/heif";
      case "pdf":
        return "application/pdf";
      case "txt":
        return "text/plain";
      case "flv":
        return "video/x-flv";
      case "mov":
        return "video/quicktime";
      case "mp4":
        return "video/mp4";
      case "mpeg":
        return "video/mpeg";
      case "mpegs":
        return "video/mpegs";
      case "mpg":
        return "video/mpg";
      case "wmv":
        return "video/wmv";
      case "3gp":
      case "3gpp":
        return "video/3gpp";
      case "aac":
        return "audio/x-aac";
      case "flac":
        return "audio/flac";
      case "mp3":
        return "audio/mp3";
      case "m4a":
        return "audio/m4a";
      case "mpga":
        return "audio/mpga";
      case "ogg":
        return "audio/ogg";
      case "pcm":
        return "audio/pcm";
      case "wav":
        return "audio/wav";
      default:
        return null;
    }
  }
}
