package org.mlplatform.serving.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.serving.onnx.InvalidModelException.Reason;

class InspectionTimeoutTest {

  private final ScheduledExecutorService loader =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("slow-model-check").factory());

  @AfterEach
  void stopLoader() {
    loader.shutdownNow();
  }

  @Test
  void answersAtTheTimeLimitWhenTheExecutorStartsTheLoadLate() throws Exception {
    Executor late = task -> loader.schedule(task, 2, TimeUnit.SECONDS);
    OnnxInspector inspector = inspector(late, Duration.ofMillis(50));

    long start = System.nanoTime();
    assertThatThrownBy(() -> inspector.inspect(OnnxModels.matMulAdd()))
        .isInstanceOfSatisfying(
            InvalidModelException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT))
        .hasMessageContaining("within 50 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));

    awaitZero(inspector::loadsInFlight);
    assertThat(inspector.openSessions()).isZero();
  }

  @Test
  void closesTheSessionOfALoadThatFinishesAfterTheCallerGaveUp() throws Exception {
    OnnxInspector inspector = inspector(loader, Duration.ofMillis(1));

    assertThatThrownBy(() -> inspector.inspect(ThirdPartyModels.SENTENCE_EMBEDDER.bytes()))
        .isInstanceOfSatisfying(
            InvalidModelException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    assertThat(inspector.loadsInFlight()).isOne();

    awaitZero(inspector::loadsInFlight);
    assertThat(inspector.openSessions()).isZero();
    // The loader is free again and the next upload is checked normally.
    OnnxInspector patient = inspector(loader, Duration.ofSeconds(30));
    assertThat(patient.inspect(OnnxModels.matMulAdd()).inputs()).hasSize(1);
  }

  private static OnnxInspector inspector(Executor executor, Duration timeout) {
    return new OnnxInspector(
        OnnxRuntimeHost.start(),
        executor,
        new InspectionLimits(InspectionLimits.DEFAULT_MAX_BYTES, timeout));
  }

  private static void awaitZero(IntSupplier count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (count.getAsInt() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(count.getAsInt()).as("loads still running").isZero();
  }
}
