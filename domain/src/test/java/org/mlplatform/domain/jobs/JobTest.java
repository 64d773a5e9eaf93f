package org.mlplatform.domain.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void movesFromQueuedThroughRunningToAFinishedState() {
    Job job = Job.queued("ingest", "feature_view:txn", "alice", NOW);

    Job running = job.running(0.42, "420 of 1000 rows", NOW.plusSeconds(1));
    Job done = running.succeeded(Map.of("accepted", 1000), "done", NOW.plusSeconds(2));

    assertThat(job.state()).isEqualTo(JobState.QUEUED);
    assertThat(running.progress()).isEqualTo(0.42);
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.progress()).isEqualTo(1.0);
    assertThat(done.result()).containsEntry("accepted", 1000);
    assertThat(done.id()).isEqualTo(job.id());
  }

  @Test
  void progressIsClampedAndAFinishedJobCannotMove() {
    Job job = Job.queued("ingest", null, "alice", NOW);

    assertThat(job.running(1.7, "", NOW).progress()).isEqualTo(1.0);
    Job failed = job.failed("row 3: expected INT64", NOW);
    assertThat(failed.error()).contains("row 3");
    assertThatThrownBy(() -> failed.running(0.5, "", NOW))
        .isInstanceOf(IllegalStateException.class);
  }
}
