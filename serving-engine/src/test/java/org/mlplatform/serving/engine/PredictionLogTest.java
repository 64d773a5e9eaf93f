package org.mlplatform.serving.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.serving.PredictionRecord;

class PredictionLogTest {

  /** Counts the batches it is handed. */
  private static final class BatchCountingStore extends ForwardingLogStore {
    final List<Integer> batchSizes = new ArrayList<>();

    @Override
    public synchronized void append(List<PredictionRecord> batch) {
      batchSizes.add(batch.size());
      super.append(batch);
    }
  }

  @Test
  void predictionsOfaMomentAreWrittenAsOneBatchNotOneEach() throws Exception {
    BatchCountingStore store = new BatchCountingStore();
    try (PredictionLog log =
        new PredictionLog(store, 10_000, Duration.ofMillis(300), Thread.ofPlatform().factory())) {
      for (int i = 0; i < 5; i++) {
        log.offer(prediction());
        Thread.sleep(10);
      }
      awaitWritten(log, 5);
    }
    assertThat(store.batchSizes).containsExactly(5);
  }

  @Test
  void aFullBatchIsWrittenWithoutWaitingForTheWindow() throws Exception {
    BatchCountingStore store = new BatchCountingStore();
    try (PredictionLog log =
        new PredictionLog(store, 10_000, Duration.ofMinutes(5), Thread.ofPlatform().factory())) {
      for (int i = 0; i < 2_500; i++) {
        log.offer(prediction());
      }
      awaitWritten(log, 2_000);
      assertThat(store.batchSizes.subList(0, 2)).containsExactly(1_000, 1_000);
    }
    // Closing writes the rest at once, however long the window.
    assertThat(store.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_500);
  }

  private static void awaitWritten(PredictionLog log, long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (log.written() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(log.written()).isGreaterThanOrEqualTo(count);
  }

  private static LoggedPrediction prediction() {
    return new LoggedPrediction(
        UUID.randomUUID(),
        Instant.now(),
        ModelVersionId.of("scorer", 1),
        Route.PRIMARY,
        null,
        List.of(),
        List.of(),
        5);
  }
}
