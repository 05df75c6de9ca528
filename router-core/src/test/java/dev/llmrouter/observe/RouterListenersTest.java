package dev.llmrouter.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterListenersTest {
  private static final RouteInfo ROUTE = new RouteInfo("openai", "openai", "gpt-4o-mini", ProviderFormat.OPENAI);

  @Test
  void compositeDeliversInOrderAndIsolatesFailures() {
    List<String> seen = new ArrayList<>();
    RouterListener failing = new RouterListener() {
      @Override
      public void onRequestStart(RequestStart e) {
        throw new IllegalStateException("listener bug");
      }
    };
    RouterListener recording = new RouterListener() {
      @Override
      public void onRequestStart(RequestStart e) {
        seen.add("start " + e.requestedModel());
      }

      @Override
      public void onAttemptEnd(AttemptEnd e) {
        seen.add("attempt " + e.attempt() + " " + e.status().orElse(0) + " " + e.succeeded());
      }

      @Override
      public void onRequestEnd(RequestEnd e) {
        seen.add("end " + e.status() + " " + e.finishReasons());
      }
    };
    RouterListener all = RouterListener.composite(List.of(failing, recording));
    all.onRequestStart(new RequestStart(1, "gpt-4o-mini", ProviderFormat.ANTHROPIC, false, Instant.EPOCH));
    all.onAttemptStart(new AttemptStart(1, 1, ROUTE));
    all.onAttemptEnd(new AttemptEnd(1, 1, ROUTE, Optional.of(200), Optional.empty(), Duration.ofMillis(5)));
    all.onRequestEnd(new RequestEnd(1, Optional.of(ROUTE), 200, Optional.empty(), Duration.ofMillis(6),
        Optional.empty(), List.of("stop")));
    assertThat(seen).containsExactly("start gpt-4o-mini", "attempt 1 200 true", "end 200 [stop]");
  }

  @Test
  void noopAndSafeWrapping() {
    assertThat(RouterListener.composite(List.of())).isSameAs(RouterListener.noop());
    RouterListener safe = RouterListeners.safe(new RouterListener() { });
    assertThat(RouterListeners.safe(safe)).isSameAs(safe);
    assertThatThrownBy(() -> new RouteInfo(null, "x", "m", ProviderFormat.OPENAI))
        .isInstanceOf(NullPointerException.class);
  }
}
