package dev.llmrouter.gateway.prompts;

import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.RouterResult;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptMessage;
import dev.llmrouter.prompt.PromptRenderer;
import dev.llmrouter.prompt.RenderedPrompt;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /prompts/test}: renders a prompt (a {@code dotprompt_content} draft, or a stored
 * {@code prompt_id} in an optional {@code environment}) with {@code prompt_variables} in strict mode (a
 * missing variable is a 400 naming it), replaces the non-system messages with {@code conversation_history}
 * when given, and runs it through the router as a streaming OpenAI Chat Completions call; the reply is
 * Server-Sent Events ending in {@code data: [DONE]}. Closing the connection cancels the upstream call.
 */
final class PromptTestCall {
  private final Router router;
  private final PromptStore store;
  private final int maxTemplateBytes;

  PromptTestCall(Router router, PromptStore store, int maxTemplateBytes) {
    this.router = router;
    this.store = store;
    this.maxTemplateBytes = maxTemplateBytes;
  }

  int serve(JsonObject body, PromptApi.Scope scope, Request request, Response response, Callback callback) {
    Prompt prompt = prompt(body, scope);
    if (prompt.model().isEmpty()) {
      throw new InvalidRequestException("Model is required in dotprompt metadata (front matter 'model: ...')");
    }
    JsonValue vars = body.getOrNull("prompt_variables");
    if (vars != null && !vars.isNull() && !(vars instanceof JsonObject)) {
      throw new InvalidRequestException("'prompt_variables' must be an object");
    }
    RenderedPrompt rendered = PromptRenderer.of(true).render(prompt, vars instanceof JsonObject o ? o : null);
    JsonArray messages = messages(rendered, body.getOrNull("conversation_history"));
    JsonObject.Builder call = JsonObject.builder().put("model", prompt.model().get()).put("messages", messages);
    rendered.params().forEach((k, v) -> {
      if (!k.equals("model") && !k.equals("messages") && !k.equals("stream")) {
        call.put(k, v);
      }
    });
    rendered.tools().ifPresent(t -> call.put("tools", t));
    rendered.responseFormat().ifPresent(r -> call.put("response_format", r));
    call.put("stream", true);
    RouterResult result = router.handle(JsonTree.write(call.build()), ProviderFormat.OPENAI, ClientHeaders.empty());
    if (!(result instanceof ResponseStream s)) {
      throw new IllegalStateException("the router answered a streaming request without a stream");
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("x-router-model", s.metadata().model());
    try (s; OutputStream out = Content.Sink.asOutputStream(response)) {
      try {
        s.writeSseTo(out);
      } catch (RouterException midStream) {
        // The stream already carried the OpenAI error event; end the response without [DONE].
      }
    } catch (IOException e) {
      callback.failed(e);
      return 499;
    }
    callback.succeeded();
    return 200;
  }

  private Prompt prompt(JsonObject body, PromptApi.Scope scope) {
    JsonValue dot = body.getOrNull("dotprompt_content");
    if (dot != null && !dot.isNull()) {
      return PromptContent.parse("test_prompt", JsonObject.of("dotprompt_content", dot), maxTemplateBytes).prompt();
    }
    Optional<String> id = body.getString("prompt_id");
    if (id.isEmpty()) {
      throw new InvalidRequestException("send 'dotprompt_content' (a draft) or 'prompt_id' (a stored prompt)");
    }
    VersionedId vid = VersionedId.parse(id.get());
    scope.require(vid.baseId());
    String env = VersionedId.environment(body.getString("environment").orElse(VersionedId.DEFAULT_ENVIRONMENT));
    Optional<StoredPrompt> s = vid.version().isPresent()
        ? store.find(vid.baseId(), env, vid.version().getAsInt()) : store.latest(vid.baseId(), env);
    return PromptContent.of(s.orElseThrow(() -> new dev.llmrouter.prompt.PromptNotFoundException(
        dev.llmrouter.prompt.PromptRef.of(vid.baseId(), Optional.empty(), Optional.of(env))))).prompt();
  }

  private static JsonArray messages(RenderedPrompt rendered, JsonValue history) {
    JsonArray.Builder b = JsonArray.builder();
    if (history == null || history.isNull()) {
      return rendered.messagesJson();
    }
    if (!(history instanceof JsonArray h)) {
      throw new InvalidRequestException("'conversation_history' must be a list of messages");
    }
    for (PromptMessage m : rendered.messages()) {
      if (m.role().equals("system")) {
        b.add(m.toJson());
      }
    }
    for (JsonValue m : h) {
      if (!(m instanceof JsonObject o) || !(o.getOrNull("role") instanceof JsonString)) {
        throw new InvalidRequestException("every conversation_history entry must be a message with a 'role'");
      }
      b.add(o);
    }
    return b.build();
  }
}
