package dev.llmrouter.gateway;

/** Replies the stand-in vendors send, written as the vendors document them. */
final class Upstreams {
  private Upstreams() {}

  static final String OPENAI_REPLY = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
      + "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Paris\"},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}";

  static final String OPENAI_STREAM =
      "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"
          + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Par\"},\"finish_reason\":null}]}\n\n"
          + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"is\"},\"finish_reason\":null}]}\n\n"
          + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
          + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
          + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
          + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}\n\n"
          + "data: [DONE]\n\n";

  static final String ANTHROPIC_REPLY = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
      + "\"model\":\"claude-test\",\"content\":[{\"type\":\"text\",\"text\":\"Bonjour\"}],"
      + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":20,\"output_tokens\":5}}";

  static final String ANTHROPIC_TOOL_REPLY = "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\","
      + "\"model\":\"claude-test\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
      + "\"input\":{\"city\":\"Paris\"}}],\"stop_reason\":\"tool_use\",\"stop_sequence\":null,"
      + "\"usage\":{\"input_tokens\":30,\"output_tokens\":9}}";

  static final String ANTHROPIC_STREAM =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_3\",\"type\":\"message\","
          + "\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],\"stop_reason\":null,"
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":20,\"output_tokens\":1}}}\n\n"
          + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
          + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
          + "event: ping\ndata: {\"type\":\"ping\"}\n\n"
          + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Bon\"}}\n\n"
          + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"text_delta\",\"text\":\"jour\"}}\n\n"
          + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
          + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}\n\n"
          + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

  static final String GEMINI_REPLY = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hallo\"}]},"
      + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":7,"
      + "\"candidatesTokenCount\":2,\"totalTokenCount\":9},\"modelVersion\":\"gemini-test\"}";

  static final String CHAT_REQUEST = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"Capital of France?\"}]}";

  static final String MESSAGES_REQUEST = "{\"model\":\"%s\",\"max_tokens\":100,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"Capital of France?\"}]}";
}
