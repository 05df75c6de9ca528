package dev.llmrouter.sdktests;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test bench: four fake vendors (Anthropic, Bedrock, OpenAI, Gemini) on 127.0.0.1 and the packaged
 * gateway in its own process, configured with one provider per vendor pointing at it, no environment
 * providers, no mock provider and one user token.
 */
final class GatewayWithFakeVendors implements AutoCloseable {
  /** The gateway user token the SDKs authenticate with. */
  static final String TOKEN = "sdk-tests-user-token";
  static final String ANTHROPIC_KEY = "sk-ant-sdk-tests";
  static final String OPENAI_KEY = "sk-openai-sdk-tests";
  static final String GEMINI_KEY = "gemini-sdk-tests";
  static final String AWS_ACCESS_KEY_ID = "AKIASDKTESTS0000000";

  final FakeVendor anthropic;
  final FakeVendor bedrock;
  final FakeVendor openai;
  final FakeVendor google;
  final GatewayProcess gateway;

  private GatewayWithFakeVendors(FakeVendor anthropic, FakeVendor bedrock, FakeVendor openai,
      FakeVendor google, GatewayProcess gateway) {
    this.anthropic = anthropic;
    this.bedrock = bedrock;
    this.openai = openai;
    this.google = google;
    this.gateway = gateway;
  }

  /** Starts the vendors, then the gateway; on failure stops whatever started. */
  static GatewayWithFakeVendors start(String name) throws IOException, InterruptedException {
    FakeVendor anthropic = null;
    FakeVendor bedrock = null;
    FakeVendor openai = null;
    FakeVendor google = null;
    try {
      anthropic = FakeVendor.start("anthropic");
      bedrock = FakeVendor.start("bedrock");
      openai = FakeVendor.start("openai");
      google = FakeVendor.start("google");
      String config = "{\n"
          + "  \"env_providers\": false,\n"
          + "  \"keep_alive_ms\": 15000,\n"
          + "  \"mock\": {\"enabled\": false},\n"
          + "  \"providers\": [\n"
          + "    {\"alias\": \"anthropic\", \"kind\": \"anthropic\", \"endpoint\": \"" + anthropic.baseUrl()
          + "/v1/\", \"api_key_env\": \"SDKTESTS_ANTHROPIC_KEY\"},\n"
          + "    {\"alias\": \"bedrock\", \"kind\": \"bedrock\", \"endpoint\": \"" + bedrock.baseUrl()
          + "/\", \"metadata\": {\"region\": \"us-east-1\"}},\n"
          + "    {\"alias\": \"openai\", \"kind\": \"openai\", \"endpoint\": \"" + openai.baseUrl()
          + "/v1\", \"api_key_env\": \"SDKTESTS_OPENAI_KEY\"},\n"
          + "    {\"alias\": \"google\", \"kind\": \"google\", \"endpoint\": \"" + google.baseUrl()
          + "/v1beta/\", \"api_key_env\": \"SDKTESTS_GEMINI_KEY\"}\n"
          + "  ]\n"
          + "}\n";
      Map<String, String> env = new LinkedHashMap<>();
      env.put("GATEWAY_AUTH_TOKENS", TOKEN);
      env.put("GATEWAY_PROMPTS_ENABLED", "false");
      env.put("SDKTESTS_ANTHROPIC_KEY", ANTHROPIC_KEY);
      env.put("SDKTESTS_OPENAI_KEY", OPENAI_KEY);
      env.put("SDKTESTS_GEMINI_KEY", GEMINI_KEY);
      // Static keys for the AWS default chain (environment first); never look for instance metadata.
      env.put("AWS_ACCESS_KEY_ID", AWS_ACCESS_KEY_ID);
      env.put("AWS_SECRET_ACCESS_KEY", "sdk-tests-secret-access-key");
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_EC2_METADATA_DISABLED", "true");
      GatewayProcess gateway = GatewayProcess.start(name, config, env);
      return new GatewayWithFakeVendors(anthropic, bedrock, openai, google, gateway);
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      for (FakeVendor v : new FakeVendor[] {anthropic, bedrock, openai, google}) {
        if (v != null) {
          v.close();
        }
      }
      throw e;
    }
  }

  /** Clears every vendor's script and recorded requests. */
  void reset() {
    anthropic.reset();
    bedrock.reset();
    openai.reset();
    google.reset();
  }

  @Override
  public void close() {
    try {
      gateway.close();
    } finally {
      anthropic.close();
      bedrock.close();
      openai.close();
      google.close();
    }
  }
}
