package dev.llmrouter.translate.ir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonString;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's universal/transform.rs tests and the Claude Code billing-header tests. */
class MessageTransformsTest {

  @Test
  void test_extract_system_messages() {
    List<Message> messages =
        List.of(Message.system("System prompt"), Message.user("Hello"), Message.system("Another system"));
    MessageTransforms.SystemExtraction x = MessageTransforms.extractSystemMessages(messages);
    assertThat(x.system()).hasSize(2);
    assertThat(x.rest()).hasSize(1);
    assertThat(x.rest().get(0).role()).isEqualTo(Role.USER);
  }

  @Test
  void test_flatten_consecutive_user_messages() {
    List<Message> out =
        MessageTransforms.flattenConsecutiveMessages(List.of(Message.user("Hello"), Message.user("World")));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).role()).isEqualTo(Role.USER);
    assertThat(out.get(0).stringContent()).isFalse();
    assertThat(out.get(0).content()).containsExactly(TextPart.of("Hello"), TextPart.of("World"));
  }

  @Test
  void test_flatten_consecutive_assistant_messages() {
    List<Message> out =
        MessageTransforms.flattenConsecutiveMessages(
            List.of(Message.assistant("Hi"), Message.assistant(List.of(TextPart.of("there")), "id2")));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).content()).hasSize(2);
    assertThat(out.get(0).id()).isEmpty();
  }

  @Test
  void test_no_modification_when_not_called() {
    List<Message> messages = List.of(Message.user("Hello"), Message.user("World"));
    assertThat(messages).hasSize(2);
  }

  @Test
  void test_system_messages_preserved_when_not_extracted() {
    List<Message> messages = List.of(Message.system("System"), Message.user("Hello"));
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).role()).isEqualTo(Role.SYSTEM);
  }

  @Test
  void test_mixed_message_sequence() {
    List<Message> out =
        MessageTransforms.flattenConsecutiveMessages(
            List.of(Message.user("1"), Message.user("2"), Message.assistant("A"), Message.user("3")));
    assertThat(out).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
  }

  @Test
  void test_flatten_tool_messages() {
    List<Message> out =
        MessageTransforms.flattenConsecutiveMessages(
            List.of(
                Message.tool(List.of(ToolResultPart.of("1", "test", "result1"))),
                Message.tool(List.of(ToolResultPart.of("2", "test", "result2")))));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).content()).hasSize(2);
  }

  @Test
  void test_combined_extract_and_flatten() {
    MessageTransforms.SystemExtraction x =
        MessageTransforms.extractSystemMessages(
            List.of(Message.system("You are helpful"), Message.user("Hello"), Message.user("World")));
    assertThat(x.system()).hasSize(1);
    List<Message> out = MessageTransforms.flattenConsecutiveMessages(x.rest());
    assertThat(out).hasSize(1);
    assertThat(out.get(0).role()).isEqualTo(Role.USER);
  }

  // --- Claude Code billing header (processing/transform.rs) ---

  private static UniversalRequest request(Message system) {
    return UniversalRequest.of("m", List.of(system, Message.user("hello world")), UniversalParams.EMPTY);
  }

  @Test
  void test_strip_claude_code_billing_header_to_openai() {
    Message system =
        Message.system(
            List.of(
                TextPart.of("x-anthropic-billing-header: cc_version=1.2.3; cc_entrypoint=cli; cch=abc123;"),
                TextPart.builder()
                    .text("You are running inside Claude Code.")
                    .cacheControl(CacheControl.EPHEMERAL)
                    .build()));
    UniversalRequest out = MessageTransforms.normalizeForTarget(request(system), ProviderFormat.OPENAI);
    assertThat(out.messages()).hasSize(2);
    assertThat(out.messages().get(0).content())
        .containsExactly(
            TextPart.builder().text("You are running inside Claude Code.").cacheControl(CacheControl.EPHEMERAL).build());
  }

  @Test
  void test_preserve_claude_code_billing_header_to_anthropic() {
    Message system =
        Message.system(
            List.of(
                TextPart.of("x-anthropic-billing-header: cc_version=1.2.3; cch=abc123;"),
                TextPart.of("You are running inside Claude Code.")));
    UniversalRequest in = request(system);
    for (ProviderFormat f :
        List.of(ProviderFormat.ANTHROPIC, ProviderFormat.BEDROCK_ANTHROPIC, ProviderFormat.VERTEX_ANTHROPIC)) {
      assertThat(MessageTransforms.normalizeForTarget(in, f)).isSameAs(in);
    }
  }

  @Test
  void test_strip_claude_code_billing_header_combined_block_to_openai() {
    Message system =
        Message.system(
            List.of(TextPart.of("x-anthropic-billing-header: cch=abc123;\nYou are running inside Claude Code.")));
    UniversalRequest out = MessageTransforms.normalizeForTarget(request(system), ProviderFormat.OPENAI);
    assertThat(out.messages().get(0).content()).containsExactly(TextPart.of("You are running inside Claude Code."));
  }

  @Test
  void test_strip_claude_code_billing_header_string_system_to_openai() {
    Message system = Message.system("x-anthropic-billing-header: cch=abc123;\nYou are running inside Claude Code.");
    UniversalRequest out = MessageTransforms.normalizeForTarget(request(system), ProviderFormat.GOOGLE);
    assertThat(out.messages().get(0).text()).contains("You are running inside Claude Code.");
    assertThat(out.messages().get(0).stringContent()).isTrue();
  }

  // --- own tests ---

  @Test
  void system_message_emptied_by_stripping_is_dropped_and_others_untouched() {
    Message onlyHeader = Message.system("  x-anthropic-billing-header: cch=1;");
    UniversalRequest out = MessageTransforms.stripClaudeCodeBillingHeader(request(onlyHeader));
    assertThat(out.messages()).extracting(Message::role).containsExactly(Role.USER);

    Message partsOnlyHeader =
        Message.system(List.of(TextPart.of("x-anthropic-billing-header: cch=1;\n\n   ")));
    assertThat(MessageTransforms.stripClaudeCodeBillingHeader(request(partsOnlyHeader)).messages()).hasSize(1);

    Message developer = Message.developer("x-anthropic-billing-header: cch=1;");
    UniversalRequest dev = request(developer);
    assertThat(MessageTransforms.stripClaudeCodeBillingHeader(dev)).isSameAs(dev);

    Message mid = Message.system("Intro\nx-anthropic-billing-header: cch=1;");
    UniversalRequest midReq = request(mid);
    assertThat(MessageTransforms.stripClaudeCodeBillingHeader(midReq)).isSameAs(midReq);
  }

  @Test
  void leading_blank_lines_after_the_marker_are_trimmed() {
    assertThat(MessageTransforms.dropLeadingMarkerLine("x\n\n\nrest\n\nmore")).isEqualTo("rest\n\nmore");
    assertThat(MessageTransforms.dropLeadingMarkerLine("only")).isEmpty();
  }

  @Test
  void flatten_does_not_merge_additional_tools_and_merges_system_strings() {
    Tool t = Tool.function("f", Optional.empty(), Optional.empty(), Optional.empty());
    List<Message> out =
        MessageTransforms.flattenConsecutiveMessages(
            List.of(
                Message.additionalTools(List.of(t), Optional.empty()),
                Message.additionalTools(List.of(t), Optional.of("x")),
                Message.system("a"),
                Message.system(List.of(TextPart.of("b"), ImagePart.of("http://i", Optional.empty())))));
    assertThat(out).hasSize(3);
    assertThat(out.get(2).content()).hasSize(3);
    assertThat(((ImagePart) out.get(2).content().get(2)).image()).isEqualTo(JsonString.of("http://i"));
  }
}
