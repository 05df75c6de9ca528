package dev.llmrouter;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor for the router's async methods: one virtual thread per task when the JVM has them
 * (Java 21+), otherwise a cached pool of daemon platform threads. Calls block on I/O either way, so the
 * pool must be unbounded-in-tasks rather than CPU-sized.
 */
final class AsyncExecutors {
  private static final Executor DEFAULT = create();

  private AsyncExecutors() {}

  static Executor defaultExecutor() {
    return DEFAULT;
  }

  private static Executor create() {
    try {
      Method m = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) m.invoke(null);
    } catch (ReflectiveOperationException | RuntimeException notAvailable) {
      AtomicInteger n = new AtomicInteger();
      ThreadFactory factory =
          r -> {
            Thread t = new Thread(r, "llm-router-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          };
      return Executors.newCachedThreadPool(factory);
    }
  }
}
