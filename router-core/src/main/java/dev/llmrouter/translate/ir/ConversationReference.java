package dev.llmrouter.translate.ir;

import java.util.Objects;

/**
 * A provider-managed conversation item reference (lingua's {@code ConversationReference}; Responses
 * {@code input[].type = "item_reference"}).
 *
 * @param id the referenced item id
 */
public record ConversationReference(String id) {

  /** Validates the id. */
  public ConversationReference {
    Objects.requireNonNull(id, "id");
  }

  /** The reference kind; always {@code item_reference}. */
  public String type() {
    return "item_reference";
  }
}
