package dev.llmrouter.media;

import dev.llmrouter.json.JsonString;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.UniversalRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces remote {@code http}/{@code https} media URLs in a universal request by the fetched bytes
 * (base64) and their media type, as Rust's {@code inline_remote_media_with_fetch} does: only in system,
 * developer and user messages with array content, images and files as the {@link MediaPolicy} says.
 * {@code data:} URLs, {@code gs://} URIs, provider file ids and non-string data are left alone (the
 * target codec decodes data URLs). A URL repeated in one request is fetched once.
 */
public final class MediaInliner {
  private MediaInliner() {}

  /**
   * {@code request} with its remote media inlined; the same instance when there is nothing to inline.
   *
   * @param fetcher the fetcher; when empty and a URL must be inlined, the request is refused
   * @param targetLabel the target format's name, for messages
   * @throws MediaFetchException when a URL cannot be fetched or inlined (a client error naming the
   *     redacted URL), or when one must be fetched and there is no fetcher
   */
  public static UniversalRequest inline(
      UniversalRequest request,
      MediaPolicy policy,
      Optional<MediaFetcher> fetcher,
      String targetLabel) {
    Map<String, FetchedMedia> fetched = new HashMap<>();
    List<Message> messages = request.messages();
    List<Message> out = null;
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      Message replaced = inlineMessage(m, policy, fetcher, targetLabel, fetched);
      if (replaced != m && out == null) {
        out = new ArrayList<>(messages.subList(0, i));
      }
      if (out != null) {
        out.add(replaced);
      }
    }
    return out == null ? request : request.withMessages(out);
  }

  private static Message inlineMessage(
      Message m,
      MediaPolicy policy,
      Optional<MediaFetcher> fetcher,
      String targetLabel,
      Map<String, FetchedMedia> fetched) {
    if (m.stringContent()
        || (m.role() != Role.SYSTEM && m.role() != Role.DEVELOPER && m.role() != Role.USER)) {
      return m;
    }
    List<Part> parts = m.content();
    List<Part> out = null;
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      Part replaced = inlinePart(p, policy, fetcher, targetLabel, fetched);
      if (replaced != p && out == null) {
        out = new ArrayList<>(parts.subList(0, i));
      }
      if (out != null) {
        out.add(replaced);
      }
    }
    return out == null ? m : m.withParts(out);
  }

  private static Part inlinePart(
      Part p,
      MediaPolicy policy,
      Optional<MediaFetcher> fetcher,
      String targetLabel,
      Map<String, FetchedMedia> fetched) {
    if (p instanceof ImagePart img && policy.inlinesImages()) {
      Optional<String> url = img.imageString().filter(MediaUrls::isRemote);
      if (url.isEmpty()) {
        return p;
      }
      FetchedMedia media = fetch(url.get(), MediaKind.IMAGE, fetcher, targetLabel, fetched);
      return new ImagePart(
          JsonString.of(media.base64()), Optional.of(media.mediaType()), img.providerOptions());
    }
    if (p instanceof FilePart file && policy.inlinesFiles()) {
      Optional<String> url = file.dataString().filter(MediaUrls::isRemote);
      if (url.isEmpty()) {
        return p;
      }
      FetchedMedia media = fetch(url.get(), MediaKind.FILE, fetcher, targetLabel, fetched);
      return new FilePart(
          JsonString.of(media.base64()), file.filename(), media.mediaType(), file.providerOptions());
    }
    return p;
  }

  private static FetchedMedia fetch(
      String url,
      MediaKind kind,
      Optional<MediaFetcher> fetcher,
      String targetLabel,
      Map<String, FetchedMedia> fetched) {
    String key = kind.name() + ' ' + url;
    FetchedMedia cached = fetched.get(key);
    if (cached != null) {
      return cached;
    }
    String shown = MediaUrls.redact(url);
    if (fetcher.isEmpty()) {
      throw new MediaFetchException(
          MediaFetchException.Reason.NO_FETCHER,
          "the "
              + kind.label()
              + " URL "
              + shown
              + " must be fetched and sent inline to "
              + targetLabel
              + ", which does not accept remote URLs, but no MediaFetcher is configured "
              + "(set one with RouterBuilder.mediaFetcher, e.g. HttpMediaFetcher from router-providers)");
    }
    FetchedMedia media;
    try {
      URI uri = MediaUrls.parse(url);
      media = fetcher.get().fetch(uri, kind);
    } catch (MediaFetchException e) {
      throw failure(e.reason(), shown, e.getMessage(), url, e);
    } catch (RuntimeException e) {
      throw failure(MediaFetchException.Reason.OTHER, shown, describe(e), url, e);
    }
    if (media == null) {
      throw failure(MediaFetchException.Reason.OTHER, shown, "the MediaFetcher returned nothing", url, null);
    }
    if (!kind.accepts(media.mediaType())) {
      throw failure(
          MediaFetchException.Reason.UNSUPPORTED_MEDIA_TYPE,
          shown,
          "unsupported media type " + media.mediaType() + " for " + kind.label() + " content",
          url,
          null);
    }
    fetched.put(key, media);
    return media;
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static MediaFetchException failure(
      MediaFetchException.Reason reason, String shown, String detail, String url, Throwable cause) {
    String message =
        "failed to fetch media URL " + shown + ": " + MediaUrls.scrub(detail == null ? "" : detail, url);
    // The cause's message may hold the full URL: only its type is kept.
    return cause == null
        ? new MediaFetchException(reason, message)
        : new MediaFetchException(reason, message, new CauseType(cause));
  }

  /** A stand-in cause that names the original exception's type and keeps its stack, not its message. */
  private static final class CauseType extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CauseType(Throwable original) {
      super(original.getClass().getName(), null, false, true);
      setStackTrace(original.getStackTrace());
    }
  }
}
