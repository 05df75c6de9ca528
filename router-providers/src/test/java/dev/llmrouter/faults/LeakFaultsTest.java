package dev.llmrouter.faults;

import static dev.llmrouter.faults.TransportFaultRig.chatChunk;
import static dev.llmrouter.faults.TransportFaultRig.chatRequest;
import static dev.llmrouter.faults.TransportFaultRig.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.retry.RetryPolicy;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import mockwebserver3.MockResponse;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cancellation and load: 200 streams held open at once against a loopback upstream, each closed early at a
 * random point or read to its end; afterwards no connection is in use, no extra thread lives, every stream
 * object is collectable and the heap is back near its baseline.
 */
@Timeout(120)
class LeakFaultsTest {
  private static final String KEY = "sk-leak-test-key-0004";
  private static final int STREAMS = 200;
  private static final int EVENTS = 20;
  private TransportFaultRig rig;
  private Router router;

  @BeforeEach
  void setUp() throws IOException {
    rig = new TransportFaultRig();
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(STREAMS * 2);
    dispatcher.setMaxRequestsPerHost(STREAMS * 2);
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(rig.pool).dispatcher(dispatcher).build();
    router = rig.routerWithClient(client, ClientSettings.defaults(), RetryPolicy.none(), KEY);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  private static String body() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < EVENTS; i++) {
      sb.append(chatChunk(i, "t"));
    }
    return sb.append("data: [DONE]\n\n").toString();
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * Live threads that are not the test server's own nor idle workers of OkHttp's shared task runner (a
   * bounded pool whose idle threads exit after 60 s; they are reused, not leaked).
   */
  private static List<String> clientThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      String name = t.getName();
      if (t.isAlive() && !name.startsWith("MockWebServer") && !name.contains("TaskRunner")) {
        names.add(name);
      }
    }
    return names;
  }

  private ResponseStream open() {
    return (ResponseStream) router.handle(chatRequest(true), ProviderFormat.OPENAI, ClientHeaders.empty());
  }

  @Test
  void closingAStreamMidWayReleasesItsConnectionAtOnce() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().body(new dev.llmrouter.providers.EndlessSse(
        "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}"))
        .build());
    ResponseStream stream = open();
    assertThat(stream.next().utf8()).contains("\"x\"");
    assertThat(rig.connectionsInUse()).isEqualTo(1);
    stream.close();
    assertThat(eventually(2_000, () -> rig.connectionsInUse() == 0)).isTrue();
    assertThat(stream.hasNext()).isFalse();
  }

  @Test
  void cancellingTheFutureWhileWaitingForHeadersReleasesTheConnection() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body(body()).build());
    CompletableFuture<ResponseStream> future = router.completeStreamAsync(
        chatRequest(true), TransportFaultRig.MODEL, ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(eventually(5_000, () -> rig.connectionsInUse() == 1)).isTrue();
    future.cancel(true);
    assertThat(eventually(2_000, () -> rig.connectionsInUse() == 0)).isTrue();
  }

  @Test
  void twoHundredConcurrentStreamsWithRandomEarlyClosesLeaveNothingBehind() throws Exception {
    String body = body();
    // Warm-up: OkHttp's task runner, okio's watchdog and the class loading are not leaks.
    for (int i = 0; i < 3; i++) {
      rig.server.enqueue(new MockResponse.Builder().body(body).build());
      try (ResponseStream s = open()) {
        s.forEachRemaining(c -> { });
      }
    }
    rig.pool.evictAll();
    int threadsBefore = clientThreads().size();
    long heapBefore = usedHeap();

    for (int i = 0; i < STREAMS; i++) {
      rig.server.enqueue(new MockResponse.Builder().body(body).throttleBody(512, 2, TimeUnit.MILLISECONDS).build());
    }
    Random random = new Random(42);
    CountDownLatch allOpen = new CountDownLatch(STREAMS);
    AtomicInteger maxOpen = new AtomicInteger();
    AtomicInteger open = new AtomicInteger();
    AtomicInteger closedEarly = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicReferenceArray<WeakReference<ResponseStream>> refs = new AtomicReferenceArray<>(STREAMS);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < STREAMS; i++) {
      int index = i;
      int closeAfter = random.nextInt(EVENTS + EVENTS / 2); // >= EVENTS: read to the end
      Thread t = new Thread(() -> {
        try (ResponseStream s = open()) {
          refs.set(index, new WeakReference<>(s));
          s.next();
          maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
          allOpen.countDown();
          allOpen.await(30, TimeUnit.SECONDS);
          int read = 1;
          while (s.hasNext()) {
            if (read >= closeAfter) {
              closedEarly.incrementAndGet();
              break;
            }
            s.next();
            read++;
          }
          open.decrementAndGet();
        } catch (Exception | AssertionError e) {
          failures.incrementAndGet();
          allOpen.countDown();
        }
      }, "leak-test-worker-" + i);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join(60_000);
    }
    workers.clear();

    assertThat(failures.get()).isZero();
    assertThat(maxOpen.get()).isEqualTo(STREAMS);
    assertThat(closedEarly.get()).isBetween(STREAMS / 3, STREAMS - 1);
    assertThat(eventually(5_000, () -> rig.connectionsInUse() == 0))
        .as("connections in use: %d", rig.connectionsInUse()).isTrue();
    rig.pool.evictAll();
    assertThat(eventually(10_000, () -> clientThreads().size() <= threadsBefore + 2))
        .as("threads before %d, after %s", threadsBefore, clientThreads()).isTrue();
    long heapAfter = usedHeap();
    int collected = 0;
    for (int i = 0; i < STREAMS; i++) {
      WeakReference<ResponseStream> ref = refs.get(i);
      if (ref != null && ref.get() == null) {
        collected++;
      }
    }
    assertThat(collected).as("stream objects still reachable").isEqualTo(STREAMS);
    assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(48L * 1024 * 1024);
    System.out.printf("LeakFaultsTest: %d streams held at once, %d closed early, threads %d -> %d, "
            + "heap %d KiB -> %d KiB, connections in use 0%n", maxOpen.get(), closedEarly.get(), threadsBefore,
        clientThreads().size(), heapBefore / 1024, heapAfter / 1024);
  }
}
