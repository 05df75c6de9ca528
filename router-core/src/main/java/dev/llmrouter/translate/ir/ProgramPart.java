package dev.llmrouter.translate.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * Code emitted for programmatic tool calling (lingua's {@code Program} part; Responses code items).
 *
 * @param callId the call id
 * @param code the program text
 * @param fingerprint the provider's fingerprint of the program
 * @param id the output item id
 */
public record ProgramPart(String callId, String code, Optional<String> fingerprint, Optional<String> id)
    implements Part {

  /** Validates required fields and normalizes null optionals. */
  public ProgramPart {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(code, "code");
    fingerprint = LinguaJson.opt(fingerprint);
    id = LinguaJson.opt(id);
  }

  @Override
  public String type() {
    return "program";
  }
}
