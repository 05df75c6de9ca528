package dev.llmrouter.translate.ir;

/**
 * Facts about a transformed response that the router uses for JSON checks and fallbacks (lingua's
 * {@code ParsableResponseInfo}).
 *
 * @param complete no choice stopped for an incomplete reason
 * @param contentIsJson every assistant text is valid JSON
 * @param sawTerminalFinish a terminal finish was seen (always true for non-stream responses)
 */
public record ParsableResponseInfo(boolean complete, boolean contentIsJson, boolean sawTerminalFinish) {

  /** All three true. */
  public static ParsableResponseInfo valid() {
    return new ParsableResponseInfo(true, true, true);
  }

  /** Whether a response with these facts satisfies {@code requirement}. */
  public boolean reusableForRequest(ResponseRequirement requirement) {
    boolean contentOk = requirement == ResponseRequirement.ANY || contentIsJson;
    return sawTerminalFinish && complete && contentOk;
  }
}
