package dev.llmrouter.media;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A MediaFetcher for tests: answers from a map, records every call, fails for unknown URLs. */
final class FakeFetcher implements MediaFetcher {
  private final Map<String, FetchedMedia> answers = new HashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<MediaKind> kinds = new CopyOnWriteArrayList<>();

  FakeFetcher answer(String url, String text, String mediaType) {
    answers.put(url, FetchedMedia.of(text.getBytes(StandardCharsets.UTF_8), mediaType));
    return this;
  }

  @Override
  public FetchedMedia fetch(URI url, MediaKind kind) {
    calls.add(url.toString());
    kinds.add(kind);
    FetchedMedia media = answers.get(url.toString());
    if (media == null) {
      throw new MediaFetchException(MediaFetchException.Reason.NETWORK, "network error");
    }
    return media;
  }

  List<String> calls() {
    return new ArrayList<>(calls);
  }

  List<MediaKind> kinds() {
    return new ArrayList<>(kinds);
  }

  /** A fetcher that fails the test if it is ever called. */
  static MediaFetcher never() {
    return (url, kind) -> {
      throw new AssertionError("no fetch expected, got " + url);
    };
  }
}
