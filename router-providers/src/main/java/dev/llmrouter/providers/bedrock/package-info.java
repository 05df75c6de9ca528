/**
 * The AWS Bedrock provider: Converse, Anthropic models over InvokeModel, and the OpenAI-compatible Chat
 * Completions and Responses APIs (runtime and {@code bedrock-mantle} hosts), authenticated with AWS SigV4
 * (static keys or the AWS default credentials chain, signed by the AWS SDK v2 signer) or Bedrock API keys.
 */
package dev.llmrouter.providers.bedrock;
