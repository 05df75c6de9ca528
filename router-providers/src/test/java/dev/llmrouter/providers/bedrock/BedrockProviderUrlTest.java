package dev.llmrouter.providers.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

/**
 * Ports of the URL tests of the Rust providers/bedrock.rs (named after them), plus the edges of model-id
 * encoding, join semantics and format checks. No server needed.
 */
class BedrockProviderUrlTest {
  private static final String ARN =
      "arn:aws:bedrock:us-east-1:982534393296:application-inference-profile/7o74nebfwnum";
  private static final String ENCODED_ARN =
      "arn%3Aaws%3Abedrock%3Aus-east-1%3A982534393296%3Aapplication-inference-profile%2F7o74nebfwnum";
  private static final String RUNTIME = "https://bedrock-runtime.us-east-1.amazonaws.com/";

  /** The Rust tests' provider: the us-east-1 runtime endpoint with region us-east-1. */
  private static BedrockProvider provider() {
    return new BedrockProvider(BedrockConfig.builder().endpoint(RUNTIME).region("us-east-1").build());
  }

  private static BedrockProvider provider(String endpoint, String region) {
    return new BedrockProvider(BedrockConfig.builder().endpoint(endpoint).region(region).build());
  }

  private static String url(BedrockProvider p, ProviderFormat format, String model, boolean stream) {
    return p.requestUrl(format, model, stream).toString();
  }

  @Test
  void converseUrlPercentEncodesApplicationInferenceProfileArn() {
    assertThat(url(provider(), ProviderFormat.CONVERSE, ARN, false))
        .isEqualTo(RUNTIME + "model/" + ENCODED_ARN + "/converse");
  }

  @Test
  void converseStreamUrlPercentEncodesApplicationInferenceProfileArn() {
    assertThat(url(provider(), ProviderFormat.CONVERSE, ARN, true))
        .isEqualTo(RUNTIME + "model/" + ENCODED_ARN + "/converse-stream");
  }

  @Test
  void invokeModelUrlPercentEncodesApplicationInferenceProfileArn() {
    assertThat(url(provider(), ProviderFormat.BEDROCK_ANTHROPIC, ARN, false))
        .isEqualTo(RUNTIME + "model/" + ENCODED_ARN + "/invoke");
  }

  @Test
  void invokeModelStreamUrlUsesInvokeWithResponseStream() {
    assertThat(url(provider(), ProviderFormat.BEDROCK_ANTHROPIC, "anthropic.claude-3-haiku-20240307-v1:0", true))
        .isEqualTo(RUNTIME + "model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke-with-response-stream");
  }

  @Test
  void converseUrlPercentEncodesFoundationModelVersionColon() {
    assertThat(url(provider(), ProviderFormat.CONVERSE, "anthropic.claude-3-haiku-20240307-v1:0", false))
        .isEqualTo(RUNTIME + "model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
  }

  @Test
  void chatCompletionsUrlUsesBedrockOpenaiPathForAwsRuntime() {
    assertThat(url(provider(), ProviderFormat.OPENAI, "openai.gpt-oss-safeguard-120b", false))
        .isEqualTo("https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions");
  }

  @Test
  void chatCompletionsUrlRoutesXaiModelsToMantle() {
    assertThat(url(provider(), ProviderFormat.OPENAI, "xai.grok-4.3", false))
        .isEqualTo("https://bedrock-mantle.us-east-1.api.aws/openai/v1/chat/completions");
  }

  @Test
  void chatCompletionsUrlRoutesGemmaModelsToMantle() {
    for (String model : new String[] {"google.gemma-4-e2b", "google.gemma-4-31b", "google.gemma-4-26b-a4b"}) {
      assertThat(url(provider(), ProviderFormat.OPENAI, model, false))
          .as("model %s should route to the bedrock-mantle host", model)
          .isEqualTo("https://bedrock-mantle.us-east-1.api.aws/openai/v1/chat/completions");
    }
  }

  @Test
  void chatCompletionsUrlKeepsGemma3OnBedrockRuntime() {
    assertThat(url(provider(), ProviderFormat.OPENAI, "google.gemma-3-27b-it", false))
        .as("Gemma 3 is served on bedrock-runtime, not the mantle host")
        .isEqualTo("https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions");
  }

  @Test
  void chatCompletionsUrlPreservesCustomEndpointPath() {
    assertThat(url(provider("https://my-proxy.example.com/", null), ProviderFormat.OPENAI,
        "openai.gpt-oss-safeguard-120b", false))
        .isEqualTo("https://my-proxy.example.com/v1/chat/completions");
  }

  @Test
  void chatCompletionsUrlDoesNotDoubleExistingOpenaiSegment() {
    assertThat(url(provider("https://bedrock-runtime.us-west-2.amazonaws.com/openai", "us-west-2"),
        ProviderFormat.OPENAI, "openai.gpt-oss-safeguard-120b", false))
        .isEqualTo("https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1/chat/completions");
  }

  @Test
  void chatCompletionsUrlKeepsAnExistingV1AndMantleOnlyModelsStayOnACustomEndpoint() {
    BedrockProvider p = provider("https://my-proxy.example.com/bedrock/v1/", null);
    assertThat(url(p, ProviderFormat.OPENAI, "openai.gpt-oss-120b", false))
        .isEqualTo("https://my-proxy.example.com/bedrock/v1/chat/completions");
    assertThat(url(p, ProviderFormat.OPENAI, "xai.grok-4.3", false))
        .isEqualTo("https://my-proxy.example.com/bedrock/v1/chat/completions");
  }

  @Test
  void chatCompletionsUrlIsTheSameWhenStreaming() {
    assertThat(url(provider(), ProviderFormat.OPENAI, "openai.gpt-oss-120b", true))
        .isEqualTo(url(provider(), ProviderFormat.OPENAI, "openai.gpt-oss-120b", false));
  }

  @Test
  void responsesUrlUsesBedrockMantleHostForAwsRuntime() {
    assertThat(url(provider(), ProviderFormat.RESPONSES, "openai.gpt-oss-120b", false))
        .isEqualTo("https://bedrock-mantle.us-east-1.api.aws/openai/v1/responses");
  }

  @Test
  void responsesUrlDerivesRegionFromRuntimeHostWhenUnset() {
    assertThat(url(provider("https://bedrock-runtime.us-west-2.amazonaws.com/", null), ProviderFormat.RESPONSES,
        "openai.gpt-oss-120b", false))
        .isEqualTo("https://bedrock-mantle.us-west-2.api.aws/openai/v1/responses");
  }

  @Test
  void responsesUrlPreservesCustomEndpointPath() {
    assertThat(url(provider("https://my-proxy.example.com/", null), ProviderFormat.RESPONSES, "m", false))
        .isEqualTo("https://my-proxy.example.com/v1/responses");
  }

  @Test
  void theConfiguredRegionWinsOverTheRuntimeHostForMantle() {
    assertThat(url(provider("https://bedrock-runtime.us-west-2.amazonaws.com/", "eu-west-1"),
        ProviderFormat.RESPONSES, "m", false))
        .isEqualTo("https://bedrock-mantle.eu-west-1.api.aws/openai/v1/responses");
  }

  @Test
  void mantleWithoutAnyRegionIsAnInvalidRequest() {
    BedrockProvider p = provider("https://bedrock-runtime.amazonaws.com/", null);
    assertThatThrownBy(() -> p.requestUrl(ProviderFormat.RESPONSES, "m", false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Bedrock region required for mantle endpoint");
    assertThatThrownBy(() -> p.requestUrl(ProviderFormat.OPENAI, "xai.grok-4.3", false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("region");
  }

  @Test
  void modelUrlsAreJoinedToTheEndpoint() {
    assertThat(url(provider("https://proxy.example/bedrock/", null), ProviderFormat.CONVERSE, "m:1", false))
        .isEqualTo("https://proxy.example/bedrock/model/m%3A1/converse");
    // RFC 3986 join, as in the Rust router: without a trailing slash the last segment is replaced.
    assertThat(url(provider("https://proxy.example/bedrock", null), ProviderFormat.CONVERSE, "m", false))
        .isEqualTo("https://proxy.example/model/m/converse");
  }

  @Test
  void theEndpointComesFromTheRegionWhenNotGiven() {
    BedrockProvider p = new BedrockProvider(BedrockConfig.builder().region("ap-southeast-2").build());
    assertThat(url(p, ProviderFormat.CONVERSE, "amazon.nova-pro-v1:0", false))
        .isEqualTo("https://bedrock-runtime.ap-southeast-2.amazonaws.com/model/amazon.nova-pro-v1%3A0/converse");
    assertThat(url(new BedrockProvider(BedrockConfig.defaults()), ProviderFormat.CONVERSE, "m", false))
        .isEqualTo(RUNTIME + "model/m/converse");
  }

  @Test
  void modelIdEncodingFollowsExtendedEncodeUriComponent() {
    assertThat(BedrockProvider.encodeModelId("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
    assertThat(BedrockProvider.encodeModelId("a:b/c d+e@f!g'h(i)j*k%l"))
        .isEqualTo("a%3Ab%2Fc%20d%2Be%40f%21g%27h%28i%29j%2Ak%25l");
    assertThat(BedrockProvider.encodeModelId("é")).isEqualTo("%C3%A9");
  }

  @Test
  void unsupportedFormatsAndEmptyModelsAreInvalidRequests() {
    assertThatThrownBy(() -> provider().requestUrl(ProviderFormat.GOOGLE, "m", false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'google'")
        .hasMessageContaining("converse, bedrock-anthropic, responses, openai");
    assertThatThrownBy(() -> provider().requestUrl(ProviderFormat.CONVERSE, "", false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("model id");
  }

  @Test
  void mantleOnlyModels() {
    assertThat(BedrockProvider.isMantleOnlyModel("xai.grok-4")).isTrue();
    assertThat(BedrockProvider.isMantleOnlyModel("google.gemma-4-31b")).isTrue();
    assertThat(BedrockProvider.isMantleOnlyModel("google.gemma-3-27b-it")).isFalse();
    assertThat(BedrockProvider.isMantleOnlyModel("openai.gpt-oss-120b")).isFalse();
  }
}
