package dev.llmrouter.gateway.prompts;

import dev.llmrouter.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The five example prompts of LiteLLM's mock prompt-management server (same ids, variables, models and
 * params; our own wording except hello-world-prompt, whose template is the documented example), imported
 * into the {@code development} environment of an empty store so a fresh gateway can serve prompts at once.
 */
final class SeedPrompts {
  static final String ENVIRONMENT = VersionedId.DEFAULT_ENVIRONMENT;

  private SeedPrompts() {}

  /** The seeds as dotprompt text, by id. */
  static Map<String, String> all() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hello-world-prompt", """
        ---
        model: gpt-4
        temperature: 0.7
        max_tokens: 500
        description: Basic helpful assistant
        ---
        System: You are a helpful assistant specialized in {domain}.

        User: Help me with: {task}
        """);
    m.put("code-review-prompt", """
        ---
        model: gpt-4
        temperature: 0.3
        max_tokens: 1000
        description: Code review assistant
        ---
        System: You are a senior software engineer with {years_experience} years of experience in {language}. \
        Review code for correctness, clarity, security and performance, and explain each finding briefly.

        User: Please review this {language} code:

        {code}
        """);
    m.put("customer-support-prompt", """
        ---
        model: gpt-3.5-turbo
        temperature: 0.5
        max_tokens: 300
        description: Customer support agent
        ---
        System: You are a friendly, professional support agent for {company_name}. Answer accurately, \
        say so when you do not know, and keep replies short.

        User: {customer_message}
        """);
    m.put("data-analysis-prompt", """
        ---
        model: gpt-4
        temperature: 0.2
        max_tokens: 800
        description: Data analysis expert
        ---
        System: You are a data analyst. Perform a {analysis_type} analysis and state your assumptions.

        User: Dataset: {dataset_name}

        {data}
        """);
    m.put("creative-writing-prompt", """
        ---
        model: gpt-4
        temperature: 0.9
        max_tokens: 1500
        description: Creative writing assistant
        ---
        System: You are a creative writer who works in the {genre} genre.

        User: Write a {length} piece about {topic}.
        """);
    return m;
  }

  /** Imports the seeds when the store has never held a prompt. Returns how many were imported. */
  static int importIfEmpty(PromptStore store, Consumer<String> notes) {
    if (!store.isEmpty()) {
      return 0;
    }
    int n = 0;
    for (Map.Entry<String, String> e : all().entrySet()) {
      JsonObject params = PromptContent.normalize(e.getKey(),
          JsonObject.of("dotprompt_content", dev.llmrouter.json.JsonValue.of(e.getValue())), Integer.MAX_VALUE);
      store.append(e.getKey(), ENVIRONMENT, params,
          JsonObject.builder().put("prompt_type", "db").put("environment", ENVIRONMENT).build(), Optional.empty());
      n++;
    }
    notes.accept("prompt store: imported " + n + " example prompts into '" + ENVIRONMENT + "'");
    return n;
  }
}
