package dev.llmrouter.translate;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.media.MediaFetchException;
import dev.llmrouter.media.MediaFetcher;
import dev.llmrouter.media.MediaInliner;
import dev.llmrouter.media.MediaPolicy;
import dev.llmrouter.stream.StreamSession;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.MessageTransforms;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.stream.TranslatingStreamSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry points of the translation layer (lingua's processing/transform.rs): requests, complete responses
 * and stream sessions between any two wire formats, through the universal IR.
 *
 * <p>Requests are detected from their discriminating keys ({@link RequestShape}) and parsed into a tree at
 * most once: a body that will almost certainly be translated is parsed first and detected from its tree
 * ({@link RequestShape#parse}); one that may pass through is detected by a streaming scan, and parsed
 * only if it must be translated after all. Same-format requests go out as the caller's bytes.
 *
 * <p>Remote media: the overloads taking an {@code Optional<MediaFetcher>} inline remote image and file
 * URLs of translated requests for Gemini, Bedrock Converse and Bedrock Anthropic ({@link MediaPolicy}),
 * between parsing and writing; the overloads without it leave URLs as they are.
 */
public final class Translator {
  private Translator() {}

  // ---- Requests ------------------------------------------------------------------------------------

  /**
   * lingua's {@code transform_request}: detects the body's format, applies the Chat-to-Responses upgrade,
   * passes same-format bodies through, and otherwise translates with {@code model} as the model override.
   *
   * @throws InvalidRequestException if the body is not a JSON object
   * @throws TranslationException if it cannot be detected or translated
   */
  public static RequestTransform transformRequest(
      byte[] body, ProviderFormat target, Optional<String> model) {
    // Without a format hint the body is parsed once, up front, and detected from the tree: most calls
    // translate, and those then need no separate scan. Formats without a codec only forward.
    RequestShape shape = hasCodec(target) ? RequestShape.parse(body) : RequestShape.scan(body);
    return translate(shape, target, model, Optional.empty(), true, null);
  }

  /**
   * Like {@link #transformRequest(byte[], ProviderFormat, Optional)}, and when the body is translated for
   * a target that needs inline media ({@link MediaPolicy#forFormat}), its remote media URLs are fetched
   * with {@code mediaFetcher} and inlined.
   *
   * @throws MediaFetchException if a URL cannot be fetched, or must be and {@code mediaFetcher} is empty
   */
  public static RequestTransform transformRequest(
      byte[] body, ProviderFormat target, Optional<String> model, Optional<MediaFetcher> mediaFetcher) {
    RequestShape shape = hasCodec(target) ? RequestShape.parse(body) : RequestShape.scan(body);
    return translate(shape, target, model, Optional.empty(), true, orEmpty(mediaFetcher));
  }

  /**
   * The shape of a body about to be prepared for {@code target} by {@link #transformRequest(RequestShape,
   * ProviderFormat, Optional, Optional, boolean)}: parsed once into a tree when the client's format
   * ({@code sourceHint}) is not in the target's family, so translation is all but certain and needs no
   * second pass; otherwise scanned, which keeps same-format traffic zero-copy.
   *
   * @throws InvalidRequestException if the body is not a JSON object
   */
  public static RequestShape shapeFor(
      byte[] body, ProviderFormat target, Optional<ProviderFormat> sourceHint) {
    if (sourceHint.isPresent()
        && hasCodec(target)
        && sourceHint.get() != ProviderFormat.UNKNOWN
        && requestFamily(sourceHint.get()) != requestFamily(target)) {
      return RequestShape.parse(body);
    }
    return RequestShape.scan(body);
  }

  /**
   * Request formats that share a body layout (a body may pass between them untranslated): the same
   * families as responses ({@link #responseFamily}).
   */
  private static ProviderFormat requestFamily(ProviderFormat f) {
    return responseFamily(f);
  }

  private static boolean hasCodec(ProviderFormat target) {
    return target != ProviderFormat.MISTRAL && target != ProviderFormat.UNKNOWN;
  }

  /**
   * Prepares a scanned body for {@code target}.
   *
   * @param model the model override (the route's model), if any
   * @param sourceHint the format the caller says it speaks (a gateway endpoint knows it); used when the
   *     body is compatible with it, which settles ambiguous bodies without guessing
   * @param allowResponsesUpgrade whether a Chat target may become Responses (false when the provider
   *     cannot serve Responses)
   */
  public static RequestTransform transformRequest(
      RequestShape shape,
      ProviderFormat target,
      Optional<String> model,
      Optional<ProviderFormat> sourceHint,
      boolean allowResponsesUpgrade) {
    return translate(shape, target, model, sourceHint, allowResponsesUpgrade, null);
  }

  /**
   * Like {@link #transformRequest(RequestShape, ProviderFormat, Optional, Optional, boolean)}, and when the
   * body is translated (never on pass-through) for a target whose providers need inline media
   * ({@link MediaPolicy#forFormat}: Gemini, Bedrock Converse, Bedrock Anthropic), the remote
   * {@code http}/{@code https} media URLs of system, developer and user messages are fetched with
   * {@code mediaFetcher} and sent inline (Rust's remote-media path, spec 1.5).
   *
   * @param mediaFetcher the fetcher; when empty, a request that needs a fetch is refused rather than sent
   *     with a URL the provider would reject
   * @throws MediaFetchException (an {@link InvalidRequestException}) if a URL cannot be fetched, or must
   *     be and there is no fetcher
   */
  public static RequestTransform transformRequest(
      RequestShape shape,
      ProviderFormat target,
      Optional<String> model,
      Optional<ProviderFormat> sourceHint,
      boolean allowResponsesUpgrade,
      Optional<MediaFetcher> mediaFetcher) {
    return translate(shape, target, model, sourceHint, allowResponsesUpgrade, orEmpty(mediaFetcher));
  }

  private static Optional<MediaFetcher> orEmpty(Optional<MediaFetcher> mediaFetcher) {
    return mediaFetcher == null ? Optional.empty() : mediaFetcher;
  }

  /** The shared implementation; {@code media} null means remote media are not inlined (legacy overloads). */
  private static RequestTransform translate(
      RequestShape shape,
      ProviderFormat target,
      Optional<String> model,
      Optional<ProviderFormat> sourceHint,
      boolean allowResponsesUpgrade,
      Optional<MediaFetcher> media) {
    if (target == ProviderFormat.MISTRAL || target == ProviderFormat.UNKNOWN) {
      // No codec: forwarded as is (lingua's UnsupportedTargetFormat, which the router passes through).
      return RequestTransform.passthrough(shape.body(), shape.detect(), target, shape.requiresJsonResponse());
    }
    ProviderFormat source =
        sourceHint.filter(shape::isCompatibleWith)
            .or(shape::detect)
            .orElseThrow(
                () ->
                    new TranslationException(
                        "unable to detect the request format: the body has none of the keys that "
                            + "identify a format (messages, input, contents)"));
    String effectiveModel = model.orElse(shape.model().orElse(null));
    if (allowResponsesUpgrade
        && target == ProviderFormat.OPENAI
        && ModelRules.upgradesChatToResponses(shape, effectiveModel)) {
      target = ProviderFormat.RESPONSES;
    }
    FormatCodec to = codec(target);
    JsonObject tree = shape.tree().orElse(null);
    if (source == target
        && shape.isCompatibleWith(target)
        && !ModelRules.forcesChatTranslation(target, shape, model)) {
      if (!(target.isAnthropicFamily() && shape.hasSystemTurns())) {
        return RequestTransform.passthrough(
            shape.body(), Optional.of(source), target, shape.requiresJsonResponse());
      }
      // Mid-conversation system turns: only models that support them may receive the body as is
      // (lingua's strict pass-through check, asked with the model that will be sent).
      if (tree == null) {
        tree = parseRequest(shape.body());
      }
      JsonObject asSent = model.isPresent() ? tree.with("model", JsonString.of(model.get())) : tree;
      if (to.detectPassthroughRequest(asSent)) {
        return RequestTransform.passthrough(
            shape.body(), Optional.of(source), target, shape.requiresJsonResponse());
      }
    }
    FormatCodec from = codec(source);
    if (tree == null) {
      tree = parseRequest(shape.body());
    }
    boolean requiresJson = from.requestRequiresJsonResponse(tree);
    UniversalRequest universal = from.requestToUniversal(tree);
    if (model.isPresent()) {
      universal = universal.withModel(model);
    }
    universal = MessageTransforms.normalizeForTarget(universal, target);
    if (media != null) {
      Optional<MediaPolicy> policy = MediaPolicy.forFormat(target);
      if (policy.isPresent()) {
        universal = MediaInliner.inline(universal, policy.get(), media, target.id());
      }
    }
    universal = to.applyDefaults(universal);
    JsonObject out = to.requestFromUniversal(universal);
    return RequestTransform.transformed(JsonTree.write(out), source, target, requiresJson);
  }

  // ---- Responses -----------------------------------------------------------------------------------

  /**
   * Turns a complete response into {@code target}'s format, detecting the response's own format from its
   * discriminating keys.
   *
   * @throws TranslationException if the format cannot be detected or translated
   */
  public static ResponseTransform transformResponse(byte[] body, ProviderFormat target) {
    ProviderFormat source =
        ResponseShape.detect(body)
            .orElseThrow(() -> new TranslationException("unable to detect the response format"));
    return transformResponse(body, source, target);
  }

  /**
   * Turns a complete {@code source} response into {@code target}'s format; the same bytes when both are
   * in the same response family.
   */
  public static ResponseTransform transformResponse(
      byte[] body, ProviderFormat source, ProviderFormat target) {
    if (isResponsePassthrough(source, target)) {
      return ResponseTransform.passthrough(body, source);
    }
    FormatCodec from = codec(source);
    FormatCodec to = codec(target);
    JsonObject tree;
    try {
      tree = JsonTree.parseObject(body);
    } catch (JsonSyntaxException e) {
      throw new TranslationException("the " + source.id() + " response is not valid JSON: " + e.getMessage(), e);
    }
    UniversalResponse universal = from.responseToUniversal(tree);
    if (source == ProviderFormat.RESPONSES
        && (target == ProviderFormat.OPENAI || target == ProviderFormat.GOOGLE)) {
      universal = universal.toBuilder().messages(mergeReasoningOnlyMessages(universal.messages())).build();
    }
    return ResponseTransform.transformed(JsonTree.write(to.responseFromUniversal(universal)), source);
  }

  // ---- Streams -------------------------------------------------------------------------------------

  /** A stream session producing {@code target}'s events from any provider's events. */
  public static StreamSession newStreamSession(ProviderFormat target) {
    return new TranslatingStreamSession(target);
  }

  /**
   * Like {@link #newStreamSession(ProviderFormat)}, with Chat Completions chunks shaped as OpenAI sends
   * them so the official SDKs accept them (see {@link TranslatingStreamSession#forClients}); the router
   * uses this one. {@code routedModel} names chunks whose source carries no model.
   */
  public static StreamSession newClientStreamSession(ProviderFormat target, String routedModel) {
    return TranslatingStreamSession.forClients(target, routedModel);
  }

  // ---- Shared --------------------------------------------------------------------------------------

  /** Whether a response in {@code source} needs no translation to reach a client of {@code target}. */
  public static boolean isResponsePassthrough(ProviderFormat source, ProviderFormat target) {
    return responseFamily(source) == responseFamily(target);
  }

  /**
   * Fails fast, before any upstream call, when a {@code source} response could not be turned into
   * {@code target}: only formats without a codec (Mistral answers like Chat, so it is fine) can fail.
   */
  public static void requireResponseTranslation(ProviderFormat source, ProviderFormat target) {
    if (isResponsePassthrough(source, target)) {
      return;
    }
    codec(responseFamily(source));
    codec(responseFamily(target));
  }

  /**
   * Bodies of the Anthropic flavours are all Anthropic Messages; Mistral speaks like OpenAI. Other formats
   * are their own family.
   */
  static ProviderFormat responseFamily(ProviderFormat f) {
    switch (f) {
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        return ProviderFormat.ANTHROPIC;
      case MISTRAL:
        return ProviderFormat.OPENAI;
      default:
        return f;
    }
  }

  /** The codec of a format, or a client error for formats that have none. */
  public static FormatCodec codec(ProviderFormat format) {
    return Codecs.forFormat(format)
        .orElseThrow(() -> new TranslationException("no translator for format '" + format.id() + "'"));
  }

  private static JsonObject parseRequest(byte[] body) {
    try {
      return JsonTree.parseObject(body);
    } catch (JsonSyntaxException e) {
      throw new InvalidRequestException("invalid JSON in request body: " + e.getMessage(), e);
    }
  }

  /**
   * lingua's merge of Responses output items for Chat and Google clients: an assistant message holding
   * only reasoning is folded into the assistant message that follows it.
   */
  static List<Message> mergeReasoningOnlyMessages(List<Message> messages) {
    List<Message> merged = new ArrayList<>(messages.size());
    for (Message m : messages) {
      Message previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null
          && previous.role() == Role.ASSISTANT
          && m.role() == Role.ASSISTANT
          && !previous.stringContent()) {
        List<Part> parts = new ArrayList<>(previous.content());
        parts.addAll(m.content());
        Message combined =
            new Message(Role.ASSISTANT, parts, false, m.id().or(previous::id), List.of());
        merged.set(merged.size() - 1, combined);
      } else {
        merged.add(m);
      }
    }
    return merged;
  }
}
