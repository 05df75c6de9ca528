package dev.llmrouter.gateway.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's contract on SQLite (a temp file); {@link PostgresPromptStoreTest} runs the same tests on
 * PostgreSQL when {@code LLMROUTER_TEST_POSTGRES_URL} names a database.
 */
class JdbcPromptStoreTest {
  @TempDir
  Path dir;

  JdbcPromptStore open() {
    return JdbcPromptStore.open(JdbcUrls.toJdbcUrl(dir.resolve("sub/prompts.db").toString()), null, null, 4);
  }

  private static JsonObject params(String text) {
    return JsonObject.of("dotprompt_content", JsonValue.of(text));
  }

  private static JsonObject info(String env) {
    return JsonObject.of("prompt_type", JsonValue.of("db"), "environment", JsonValue.of(env));
  }

  @Test
  void versionsAreNumberedPerEnvironmentAndLatestAndPinnedReadsWork() {
    try (JdbcPromptStore store = open()) {
      assertThat(store.isEmpty()).isTrue();
      assertThat(store.append("p1", "development", params("one"), info("development"), Optional.empty()).version())
          .isEqualTo(1);
      assertThat(store.append("p1", "development", params("two"), info("development"), Optional.empty())
          .versionedId()).isEqualTo("p1.v2");
      assertThat(store.append("p1", "production", params("prod"), info("production"), Optional.empty()).version())
          .isEqualTo(1);

      assertThat(store.latest("p1", "development").orElseThrow().litellmParams()).isEqualTo(params("two"));
      assertThat(store.find("p1", "development", 1).orElseThrow().litellmParams()).isEqualTo(params("one"));
      assertThat(store.latest("p1", "production").orElseThrow().litellmParams()).isEqualTo(params("prod"));
      assertThat(store.latest("p1", "staging")).isEmpty();
      assertThat(store.environments("p1")).containsExactly("development", "production");
      assertThat(store.versions("p1", Optional.of("development"))).extracting(StoredPrompt::version)
          .containsExactly(2, 1);
      assertThat(store.listLatest(Optional.empty())).extracting(StoredPrompt::versionedId, StoredPrompt::environment)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("p1.v2", "development"),
              org.assertj.core.groups.Tuple.tuple("p1.v1", "production"));
    }
  }

  @Test
  void deleteIsPerEnvironmentKeepsRowsAndNeverReusesNumbers() {
    try (JdbcPromptStore store = open()) {
      store.append("p", "development", params("a"), info("development"), Optional.empty());
      store.append("p", "development", params("b"), info("development"), Optional.empty());
      store.append("p", "staging", params("s"), info("staging"), Optional.empty());

      assertThat(store.delete("p", Optional.of("development"))).isEqualTo(2);
      assertThat(store.latest("p", "development")).isEmpty();
      assertThat(store.find("p", "development", 1)).isEmpty();
      assertThat(store.latest("p", "staging")).isPresent();
      assertThat(store.environments("p")).containsExactly("staging");
      assertThat(store.isEmpty()).isFalse();

      StoredPrompt again = store.append("p", "development", params("c"), info("development"), Optional.empty());
      assertThat(again.version()).as("numbers of deleted versions are not handed out again").isEqualTo(3);
      assertThat(store.delete("p", Optional.empty())).isEqualTo(2);
      assertThat(store.listLatest(Optional.empty())).isEmpty();
      assertThat(store.delete("p", Optional.empty())).isZero();
    }
  }

  @Test
  void promoteCopiesAVersionIntoAnotherEnvironment() {
    try (JdbcPromptStore store = open()) {
      store.append("p", "development", params("a"), info("development"), Optional.empty());
      store.append("p", "development", params("b"), info("development"), Optional.empty());
      StoredPrompt promoted = store.promote("p", "development", OptionalInt.of(1), "production").orElseThrow();
      assertThat(promoted.environment()).isEqualTo("production");
      assertThat(promoted.version()).isEqualTo(1);
      assertThat(promoted.litellmParams()).isEqualTo(params("a"));
      assertThat(promoted.promotedFrom()).contains("development.v1");
      assertThat(promoted.promptInfo().getString("environment")).contains("production");
      assertThat(store.promote("p", "development", OptionalInt.of(9), "production")).isEmpty();
    }
  }

  @Test
  void dataSurvivesReopening() {
    try (JdbcPromptStore store = open()) {
      store.append("kept", "development", params("x"), info("development"), Optional.empty());
    }
    try (JdbcPromptStore store = open()) {
      assertThat(store.latest("kept", "development").orElseThrow().litellmParams()).isEqualTo(params("x"));
      assertThat(store.append("kept", "development", params("y"), info("development"), Optional.empty()).version())
          .isEqualTo(2);
    }
  }

  @Test
  void concurrentWritersNeverGetTheSameVersion() throws Exception {
    int threads = 8;
    int writes = 20;
    try (JdbcPromptStore store = open()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Integer>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          go.await();
          List<Integer> mine = new ArrayList<>();
          for (int i = 0; i < writes; i++) {
            mine.add(store.append("hot", "development", params(thread + "-" + i), info("development"),
                Optional.empty()).version());
          }
          return mine;
        }));
      }
      go.countDown();
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> f : futures) {
        all.addAll(f.get(120, TimeUnit.SECONDS));
      }
      pool.shutdown();
      assertThat(all).hasSize(threads * writes).doesNotHaveDuplicates();
      assertThat(all).containsExactlyInAnyOrderElementsOf(
          java.util.stream.IntStream.rangeClosed(1, threads * writes).boxed().toList());
      assertThat(store.versions("hot", Optional.of("development"))).hasSize(threads * writes);
    }
  }

  @Test
  void invalidIdsAndEnvironmentsAreRefused() {
    try (JdbcPromptStore store = open()) {
      assertThatThrownBy(() -> store.append("../etc/passwd", "development", params("x"), info("development"),
          Optional.empty())).isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid prompt_id");
      assertThatThrownBy(() -> store.append("ok", "prod/../x", params("x"), info("development"),
          Optional.empty())).isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid environment");
    }
    assertThat(VersionedId.parse("code-review.v12")).isEqualTo(new VersionedId("code-review", OptionalInt.of(12)));
    assertThatThrownBy(() -> VersionedId.parse("a.b")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> VersionedId.parse("x.v0")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void urlsAreRedactedAndUnknownSchemesRefused() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://bob:s3cret@db.internal:5432/prompts?password=s3cret"))
        .isEqualTo("jdbc:postgresql://db.internal:5432/prompts");
    assertThatThrownBy(() -> JdbcPromptStore.open("jdbc:mysql://h/db?password=s3cret", null, null, 1))
        .isInstanceOf(PromptStoreException.class).hasMessageNotContaining("s3cret");
    assertThat(SqlDialect.of("jdbc:postgresql://h/db")).isEqualTo(SqlDialect.POSTGRES);
  }
}
