package dev.llmrouter.faults;

import static dev.llmrouter.faults.TransportFaultRig.chatRequest;
import static dev.llmrouter.faults.TransportFaultRig.retries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.Router;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.http.ClientSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A distinctive API key goes through every failure path (401 echoing it back, 500, a timeout, a refused
 * connection) with all router loggers at TRACE and stderr captured: the key appears in no exception
 * message, no toString, no stack trace, no kept header or body and no log line.
 */
@Timeout(60)
class SecretFaultsTest {
  private static final String CANARY = "sk-SECRET-canary-123";
  private static final String[] LOGGERS = {
      "dev.llmrouter.providers.http.HttpExecutor", "dev.llmrouter.providers.http.HttpClients",
      "dev.llmrouter.providers.http.StreamingResponse", "dev.llmrouter.stream.BodyRawStream",
      "dev.llmrouter.Router", "dev.llmrouter.providers.openai.OpenAIProvider"};
  private TransportFaultRig rig;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private final List<Object[]> levels = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    rig = new TransportFaultRig();
    originalErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    for (String name : LOGGERS) {
      Logger logger = LoggerFactory.getLogger(name);
      Field level = levelField(logger.getClass());
      if (level != null) {
        level.setAccessible(true);
        levels.add(new Object[] {logger, level, level.get(logger)});
        level.set(logger, 0); // TRACE in slf4j-simple
      }
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Object[] l : levels) {
      ((Field) l[1]).set(l[0], l[2]);
    }
    System.setErr(originalErr);
    rig.close();
  }

  private static Field levelField(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField("currentLogLevel");
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    return null;
  }

  private Router router(ClientSettings settings) {
    return rig.routerWithSettings(settings, retries(1), CANARY);
  }

  private RouterException failure(Router router) {
    try {
      router.handle(chatRequest(false), ProviderFormat.OPENAI, ClientHeaders.empty());
    } catch (RouterException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  private static void assertClean(RouterException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(e.getMessage()).doesNotContain(CANARY);
    assertThat(e.toString()).doesNotContain(CANARY);
    assertThat(trace.toString()).doesNotContain(CANARY);
    if (e instanceof UpstreamHttpException h) {
      for (Map.Entry<String, String> header : h.headers()) {
        assertThat(header.getKey() + ": " + header.getValue()).doesNotContain(CANARY);
      }
      assertThat(h.bodyText()).doesNotContain(CANARY);
    }
  }

  @Test
  void theKeyAppearsInNoErrorHeaderBodyMessageOrLogLineOnAnyFailurePath() throws Exception {
    List<RouterException> errors = new ArrayList<>();
    rig.server.enqueue(new MockResponse.Builder().code(401)
        .addHeader("WWW-Authenticate", "Bearer realm=\"api\"")
        .addHeader("Set-Cookie", "sid=" + CANARY)
        .addHeader("X-Api-Key", CANARY)
        .addHeader("X-Echo-Auth-Token", "Bearer " + CANARY)
        .addHeader("X-Debug", "got " + CANARY)
        .addHeader("x-ratelimit-remaining-tokens", "99")
        .body("{\"error\":{\"message\":\"Incorrect API key provided: " + CANARY + "\"}}").build());
    errors.add(failure(router(ClientSettings.defaults())));
    rig.server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build());
    rig.server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build());
    errors.add(failure(router(ClientSettings.defaults())));
    rig.server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());
    errors.add(failure(router(ClientSettings.builder().responseHeadersTimeout(Duration.ofMillis(100)).build())));
    errors.add(failure(TransportFaultRig.routerAt("http://127.0.0.1:" + Loopback.closedPort() + "/v1",
        ClientSettings.defaults(), retries(1), CANARY)));

    assertThat(errors).hasSize(4);
    UpstreamHttpException unauthorized = (UpstreamHttpException) errors.get(0);
    assertThat(unauthorized.header("x-ratelimit-remaining-tokens")).contains("99");
    assertThat(unauthorized.header("www-authenticate")).isPresent();
    assertThat(unauthorized.header("x-debug")).isEmpty();
    assertThat(unauthorized.bodyText()).contains("[REDACTED]");
    for (RouterException e : errors) {
      assertClean(e);
    }
    // The canary really went out (so the checks above could have failed).
    assertThat(rig.server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + CANARY);
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).contains("HttpExecutor"); // logging was on
    assertThat(logs).doesNotContain(CANARY);
  }
}
