package dev.llmrouter;

import static dev.llmrouter.testing.Fixtures.auth;
import static dev.llmrouter.testing.Fixtures.bytes;
import static dev.llmrouter.testing.Fixtures.catalog;
import static dev.llmrouter.testing.Fixtures.openaiSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.prompt.InMemoryPromptSource;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptMessage;
import dev.llmrouter.prompt.PromptNotFoundException;
import dev.llmrouter.testing.JsonProbe;
import dev.llmrouter.testing.StubProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored prompts through {@link Router}: expanded before routing, the prompt's model applied. */
class RouterPromptTest {
  private static final String GPT = "gpt-4o";

  private static Router router(StubProvider openai, boolean withPrompts) {
    RouterBuilder b =
        Router.builder()
            .catalog(catalog(GPT, openaiSpec(GPT)))
            .addProvider("openai", openai, auth(), ProviderFormat.OPENAI);
    if (withPrompts) {
      b.promptSource(
          InMemoryPromptSource.of(
              List.of(
                  Prompt.builder("greeter")
                      .model(GPT)
                      .messages(List.of(PromptMessage.of("system", "Greet {{name}} warmly.")))
                      .build())));
    }
    return b.build();
  }

  private static StubProvider openai() {
    return StubProvider.builder("openai")
        .formats(ProviderFormat.OPENAI)
        .responder(StubProvider::echoModel)
        .build();
  }

  @Test
  void handleExpandsThePromptAndRoutesToItsModel() {
    StubProvider openai = openai();
    byte[] body =
        bytes("{\"model\":\"whatever\",\"prompt_id\":\"greeter\",\"prompt_variables\":{\"name\":\"Ada\"},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

    router(openai, true).handle(body, ProviderFormat.OPENAI, ClientHeaders.empty());

    byte[] sent = openai.onlyCall().payload();
    assertThat(JsonProbe.text(sent, "model")).isEqualTo(GPT);
    assertThat(JsonProbe.text(sent, "messages", 0, "content")).isEqualTo("Greet Ada warmly.");
    assertThat(JsonProbe.text(sent, "messages", 1, "content")).isEqualTo("Hi");
    assertThat(JsonProbe.keys(sent)).doesNotContain("prompt_id", "prompt_variables");
  }

  @Test
  void anUnknownPromptIsAClientErrorBeforeAnyCall() {
    StubProvider openai = openai();
    byte[] body = bytes("{\"model\":\"gpt-4o\",\"prompt_id\":\"nope\",\"messages\":[]}");

    assertThatThrownBy(
            () -> router(openai, true).complete(body, GPT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(PromptNotFoundException.class)
        .hasMessageContaining("nope");
    assertThat(openai.calls()).isEmpty();
  }

  @Test
  void withoutAPromptSourceTheBodyIsSentAsItCame() {
    StubProvider openai = openai();
    byte[] body = bytes("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

    router(openai, true).complete(body, GPT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(openai.onlyCall().payload()).isSameAs(body);
  }
}
