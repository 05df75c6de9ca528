package dev.llmrouter.gateway.tracing;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The span attribute keys the gateway writes: the OpenTelemetry GenAI semantic conventions
 * ({@code gen_ai.*}), the general {@code error.type}, {@code http.response.status_code} and
 * {@code server.address}, and the router's own {@code llm_router.*}. Written out here rather than taken
 * from the incubating semconv artifact, whose API changes between releases.
 */
public final class GenAiAttributes {
  private GenAiAttributes() {}

  /** {@code gen_ai.operation.name}: always {@code chat} here. */
  public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
  /** {@code gen_ai.provider.name}: the well-known provider name ({@code openai}, {@code aws.bedrock}, ...). */
  public static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
  /** {@code gen_ai.system}: the older name of {@code gen_ai.provider.name}, still read by many backends. */
  public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
  /** {@code gen_ai.request.model}: the model the caller (request span) or the router (attempt) asked for. */
  public static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  /** {@code gen_ai.response.model}: the upstream model that answered. */
  public static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
  /** {@code gen_ai.usage.input_tokens}: every input token, cached ones included. */
  public static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  /** {@code gen_ai.usage.output_tokens}: output tokens, reasoning included. */
  public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  /** {@code gen_ai.response.finish_reasons}: as the caller's format reported them. */
  public static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  /** {@code error.type}: the exception's simple class name, or {@code cancelled}. */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  /** {@code http.response.status_code}: the caller's status (request span) or the upstream's (attempt). */
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");
  /** {@code server.address}: the upstream host, when known. */
  public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");

  /** {@code llm_router.provider_alias}: the registration alias of the route. */
  public static final AttributeKey<String> PROVIDER_ALIAS = AttributeKey.stringKey("llm_router.provider_alias");
  /** {@code llm_router.provider_id}: the provider implementation ({@code openai}, {@code bedrock}, ...). */
  public static final AttributeKey<String> PROVIDER_ID = AttributeKey.stringKey("llm_router.provider_id");
  /** {@code llm_router.attempt}: the upstream attempt number, from 1 across retries and failover routes. */
  public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("llm_router.attempt");
  /** {@code llm_router.attempts}: how many upstream calls the request made. */
  public static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("llm_router.attempts");
  /** {@code llm_router.cost_usd}: the request's cost from the catalog prices and the usage. */
  public static final AttributeKey<Double> COST_USD = AttributeKey.doubleKey("llm_router.cost_usd");
  /** {@code llm_router.stream}: whether the request streams. */
  public static final AttributeKey<Boolean> STREAM = AttributeKey.booleanKey("llm_router.stream");
  /** {@code llm_router.client_format}: the format the caller speaks. */
  public static final AttributeKey<String> CLIENT_FORMAT = AttributeKey.stringKey("llm_router.client_format");
  /** {@code llm_router.wire_format}: the format sent upstream. */
  public static final AttributeKey<String> WIRE_FORMAT = AttributeKey.stringKey("llm_router.wire_format");

  /** The {@code gen_ai.operation.name} of every span here. */
  public static final String CHAT = "chat";
}
