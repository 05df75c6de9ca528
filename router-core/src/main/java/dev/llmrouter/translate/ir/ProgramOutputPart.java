package dev.llmrouter.translate.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * The output of a program run for programmatic tool calling (lingua's {@code ProgramOutput} part).
 *
 * @param callId the call id of the program
 * @param result the program's result text
 * @param status the status string
 * @param id the output item id
 */
public record ProgramOutputPart(String callId, String result, String status, Optional<String> id)
    implements Part {

  /** Validates required fields and normalizes a null id. */
  public ProgramOutputPart {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(status, "status");
    id = LinguaJson.opt(id);
  }

  @Override
  public String type() {
    return "program_output";
  }
}
