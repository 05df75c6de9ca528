package dev.llmrouter.translate.ir;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media-reference helpers every codec shares (lingua's util/media.rs): base64 {@code data:} URLs,
 * remote-URI checks ({@code http}, {@code https}, {@code gs}), MIME inference from file names and URLs
 * (including the content type and file name of S3 presigned URLs), and UTF-8 detection of base64
 * payloads. No regular expressions: prefix and index scanning only.
 */
public final class MediaReferences {
  private MediaReferences() {}

  /**
   * A parsed {@code data:<media type>;base64,<data>} URL.
   *
   * @param mediaType the media type (may be empty)
   * @param data the base64 payload (never empty)
   */
  public record DataUrl(String mediaType, String data) {}

  /**
   * Parses a base64 data URL (lingua's {@code parse_base64_data_url}): the {@code data:} prefix, a
   * non-empty payload after the first comma, and metadata {@code <type>;base64} split at its first
   * semicolon. Anything else gives empty.
   */
  public static Optional<DataUrl> parseBase64DataUrl(String url) {
    if (!url.startsWith("data:")) {
      return Optional.empty();
    }
    int comma = url.indexOf(',', 5);
    if (comma < 0 || comma == url.length() - 1) {
      return Optional.empty();
    }
    String meta = url.substring(5, comma);
    int semi = meta.indexOf(';');
    if (semi < 0 || !meta.substring(semi + 1).equals("base64")) {
      return Optional.empty();
    }
    return Optional.of(new DataUrl(meta.substring(0, semi), url.substring(comma + 1)));
  }

  /** {@code data:<mediaType>;base64,<data>}. */
  public static String dataUrl(String mediaType, String data) {
    return "data:" + mediaType + ";base64," + data;
  }

  /** The payload base64-decoded and read as strict UTF-8, or empty when either step fails. */
  public static Optional<String> decodeBase64Utf8(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // URLs
  // ---------------------------------------------------------------------------------------------

  /** The parts of an absolute URL this class reads. */
  private record Url(String scheme, String path, String query) {}

  /** A lenient absolute-URL split (scheme, path, query); empty when there is no valid scheme. */
  private static Optional<Url> parseUrl(String s) {
    int colon = s.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    for (int i = 0; i < colon; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!ok) {
        return Optional.empty();
      }
    }
    String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = s.substring(colon + 1);
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    String path = rest;
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      String host = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
      if (host.isEmpty() && (scheme.equals("http") || scheme.equals("https"))) {
        return Optional.empty();
      }
      path = slash < 0 ? "" : rest.substring(slash);
    } else if (scheme.equals("http") || scheme.equals("https")) {
      return Optional.empty();
    }
    return Optional.of(new Url(scheme, path, query));
  }

  private static boolean isMediaScheme(String scheme) {
    return scheme.equals("http") || scheme.equals("https") || scheme.equals("gs");
  }

  /** Whether {@code reference} is an http, https or gs URL (lingua's {@code is_remote_media_uri}). */
  public static boolean isRemoteMediaUri(String reference) {
    return parseUrl(reference).map(u -> isMediaScheme(u.scheme())).orElse(false);
  }

  /**
   * The MIME type implied by a file name or URL (lingua's {@code infer_mime_type_from_reference}): a
   * presigned S3 URL's {@code response-content-type}, else the first of the file name and the URL's last
   * path segment with a known extension.
   */
  public static Optional<String> inferMimeTypeFromReference(String filename, String url) {
    String urlFilename = null;
    if (url != null) {
      Optional<Url> parsed = parseUrl(url.strip().isEmpty() ? "" : url);
      if (parsed.isPresent() && isMediaScheme(parsed.get().scheme())) {
        String path = parsed.get().path();
        if (!path.isEmpty() && !path.equals("/") && !path.endsWith("/")) {
          String name = path.substring(path.lastIndexOf('/') + 1);
          if (!name.isEmpty()) {
            String contentType = null;
            String query = parsed.get().query();
            if (hasQueryKey(query, "X-Amz-Expires")) {
              String disposition = queryValue(query, "response-content-disposition");
              if (disposition != null) {
                String fromDisposition = filenameFromContentDisposition(disposition);
                if (fromDisposition != null) {
                  name = fromDisposition;
                }
              }
              contentType = queryValue(query, "response-content-type");
            }
            if (contentType != null) {
              return Optional.of(contentType);
            }
            urlFilename = percentDecode(name);
          }
        }
      }
    }
    if (filename != null) {
      Optional<String> fromName = mimeTypeFromFilename(filename);
      if (fromName.isPresent()) {
        return fromName;
      }
    }
    return urlFilename == null ? Optional.empty() : mimeTypeFromFilename(urlFilename);
  }

  private static boolean hasQueryKey(String query, String key) {
    return queryValue(query, key) != null;
  }

  /** The form-decoded value of the first {@code key=} pair of a query, or null. */
  private static String queryValue(String query, String key) {
    if (query.isEmpty()) {
      return null;
    }
    int start = 0;
    while (start <= query.length()) {
      int amp = query.indexOf('&', start);
      int end = amp < 0 ? query.length() : amp;
      String pair = query.substring(start, end);
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String k = formDecode(eq < 0 ? pair : pair.substring(0, eq));
        if (k.equals(key)) {
          return formDecode(eq < 0 ? "" : pair.substring(eq + 1));
        }
      }
      if (amp < 0) {
        break;
      }
      start = amp + 1;
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

  private static String filenameFromContentDisposition(String value) {
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
        if (semi >= 0) {
          encoded = encoded.substring(0, semi);
        }
        return percentDecode(encoded.strip());
      }
    }
    return null;
  }

  /** {@code %XX} decoding as UTF-8 ({@code +} stays); the input unchanged when it is malformed. */
  public static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    byte[] out = new byte[s.length() * 3];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out[n++] = (byte) ((hi << 4) | lo);
          i += 2;
          continue;
        }
      }
      byte[] enc = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        enc = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        i++;
      }
      System.arraycopy(enc, 0, out, n, enc.length);
      n += enc.length;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out, 0, n))
          .toString();
    } catch (CharacterCodingException e) {
      return s;
    }
  }

  /** lingua's extension table. */
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

  /** The MIME type of a file name's extension (lingua's table), empty for unknown extensions. */
  public static Optional<String> mimeTypeFromFilename(String name) {
    if (name == null) {
      return Optional.empty();
    }
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(MIME_BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }
}
