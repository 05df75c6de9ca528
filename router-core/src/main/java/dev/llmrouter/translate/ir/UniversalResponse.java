package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response in universal form (lingua's {@code UniversalResponse}).
 *
 * @param id the provider's response id (not comparable across formats; see {@link #idFor})
 * @param idFormat the format the id came from
 * @param model the model that answered
 * @param messages the response messages, one per choice / output item
 * @param usage token usage
 * @param servedServiceTier the tier that served the response
 * @param finishReason why the (first) choice stopped
 * @param finishReasons why each choice stopped
 * @param extras format-specific data kept for a round trip back to the same format, keyed by the format
 *     it came from (like {@link UniversalParams#extras()}); never serialized
 */
public record UniversalResponse(
    Optional<String> id,
    Optional<ProviderFormat> idFormat,
    Optional<String> model,
    List<Message> messages,
    Optional<UniversalUsage> usage,
    Optional<ServedServiceTier> servedServiceTier,
    Optional<FinishReason> finishReason,
    List<FinishReason> finishReasons,
    Map<ProviderFormat, JsonObject> extras) {

  /** Normalizes null optionals and copies lists. */
  public UniversalResponse {
    id = LinguaJson.opt(id);
    idFormat = LinguaJson.opt(idFormat);
    model = LinguaJson.opt(model);
    messages = messages == null ? List.of() : List.copyOf(messages);
    usage = LinguaJson.opt(usage);
    servedServiceTier = LinguaJson.opt(servedServiceTier);
    finishReason = LinguaJson.opt(finishReason);
    finishReasons = finishReasons == null ? List.of() : List.copyOf(finishReasons);
    extras =
        extras == null || extras.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new EnumMap<>(extras));
  }

  /** A response without extras. */
  public UniversalResponse(
      Optional<String> id,
      Optional<ProviderFormat> idFormat,
      Optional<String> model,
      List<Message> messages,
      Optional<UniversalUsage> usage,
      Optional<ServedServiceTier> servedServiceTier,
      Optional<FinishReason> finishReason,
      List<FinishReason> finishReasons) {
    this(id, idFormat, model, messages, usage, servedServiceTier, finishReason, finishReasons, Map.of());
  }

  /** The extras kept for {@code format}, if any. */
  public Optional<JsonObject> extrasFor(ProviderFormat format) {
    return Optional.ofNullable(extras.get(format));
  }

  /** The id to emit for {@code format}: see {@link Defaults#idFor}. */
  public String idFor(ProviderFormat format) {
    return Defaults.idFor(id, idFormat, format);
  }

  /**
   * The {@code id} member of a provider payload when it is a string (lingua's
   * {@code extract_id_from_payload}); empty when absent, null or of another type.
   */
  public static Optional<String> extractIdFromPayload(JsonValue payload) {
    if (payload instanceof JsonObject o) {
      return o.getString("id");
    }
    return Optional.empty();
  }

  /**
   * The text of every assistant message that has any (string content, or the concatenation of its text
   * parts when non-empty).
   */
  public List<String> assistantTexts() {
    List<String> out = new ArrayList<>();
    for (Message m : messages) {
      if (m.role() == Role.ASSISTANT) {
        assistantText(m).ifPresent(out::add);
      }
    }
    if (out.isEmpty() && !messages.isEmpty()) {
      Message last = messages.get(messages.size() - 1);
      if (last.role() == Role.ASSISTANT) {
        assistantText(last).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<String> assistantText(Message m) {
    if (m.stringContent()) {
      return m.text();
    }
    String joined = m.joinedText();
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }

  /** Whether there is assistant text and all of it parses as JSON. */
  public boolean contentIsJson() {
    List<String> texts = assistantTexts();
    if (texts.isEmpty()) {
      return false;
    }
    for (String t : texts) {
      if (!LinguaJson.isValidJson(t)) {
        return false;
      }
    }
    return true;
  }

  /** Whether neither the finish reason nor any per-choice reason is incomplete. */
  public boolean isComplete() {
    for (FinishReason r : finishReasons) {
      if (r.isIncomplete()) {
        return false;
      }
    }
    return !(finishReason.isPresent() && finishReason.get().isIncomplete());
  }

  /** Completeness and JSON facts for the router (terminal finish is always seen for a whole response). */
  public ParsableResponseInfo parsableInfo() {
    return new ParsableResponseInfo(isComplete(), contentIsJson(), true);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this response's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id.orElse(null);
    b.idFormat = idFormat.orElse(null);
    b.model = model.orElse(null);
    b.messages = messages;
    b.usage = usage.orElse(null);
    b.servedServiceTier = servedServiceTier.orElse(null);
    b.finishReason = finishReason.orElse(null);
    b.finishReasons = finishReasons;
    b.extras.putAll(extras);
    return b;
  }

  /** Builds a {@link UniversalResponse}; setters take null to clear. */
  public static final class Builder {
    private String id;
    private ProviderFormat idFormat;
    private String model;
    private List<Message> messages = List.of();
    private UniversalUsage usage;
    private ServedServiceTier servedServiceTier;
    private FinishReason finishReason;
    private List<FinishReason> finishReasons = List.of();
    private final Map<ProviderFormat, JsonObject> extras = new EnumMap<>(ProviderFormat.class);

    private Builder() {}

    /** Sets (or with null removes) the extras of one format. */
    public Builder extras(ProviderFormat format, JsonObject v) {
      if (v == null) {
        extras.remove(format);
      } else {
        extras.put(format, v);
      }
      return this;
    }

    /** The provider's id. */
    public Builder id(String v) {
      id = v;
      return this;
    }

    /** The format the id came from. */
    public Builder idFormat(ProviderFormat v) {
      idFormat = v;
      return this;
    }

    /** The model. */
    public Builder model(String v) {
      model = v;
      return this;
    }

    /** The messages. */
    public Builder messages(List<Message> v) {
      messages = v;
      return this;
    }

    /** The usage. */
    public Builder usage(UniversalUsage v) {
      usage = v;
      return this;
    }

    /** The served service tier. */
    public Builder servedServiceTier(ServedServiceTier v) {
      servedServiceTier = v;
      return this;
    }

    /** The finish reason. */
    public Builder finishReason(FinishReason v) {
      finishReason = v;
      return this;
    }

    /** The per-choice finish reasons. */
    public Builder finishReasons(List<FinishReason> v) {
      finishReasons = v;
      return this;
    }

    /** The response. */
    public UniversalResponse build() {
      return new UniversalResponse(
          Optional.ofNullable(id),
          Optional.ofNullable(idFormat),
          Optional.ofNullable(model),
          messages,
          Optional.ofNullable(usage),
          Optional.ofNullable(servedServiceTier),
          Optional.ofNullable(finishReason),
          finishReasons,
          extras);
    }
  }
}
