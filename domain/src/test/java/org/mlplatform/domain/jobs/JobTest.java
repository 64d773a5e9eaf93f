package org.mlplatform.domain.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void movesFromQueuedThroughRunningToAFinishedState() {
    Job job = Job.queued("ingest", "feature_view:txn", "alice", "node-1", NOW);

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
    Job job = Job.queued("ingest", null, "alice", "node-1", NOW);

    assertThat(job.running(1.7, "", NOW).progress()).isEqualTo(1.0);
    Job failed = job.failed("row 3: expected INT64", NOW);
    assertThat(failed.error()).contains("row 3");
    assertThatThrownBy(() -> failed.running(0.5, "", NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTakenOverJobRunsAgainOnTheNewNodeAsTheNextAttempt() {
    Job job = Job.queued("batch_prediction", "model:m:1", "alice", "node-2", NOW);
    Job running = job.running(0.6, "600 rows", NOW.plusSeconds(1));

    Job moved = running.takenOver("node-1", NOW.plusSeconds(30));

    assertThat(moved.id()).isEqualTo(job.id());
    assertThat(moved.node()).isEqualTo("node-1");
    assertThat(moved.attempt()).isEqualTo(2);
    assertThat(moved.state()).isEqualTo(JobState.QUEUED);
    assertThat(moved.progress()).isZero();
    assertThat(moved.message()).isEqualTo("taken over from node node-2 by node node-1");
    assertThat(moved.running(0.1, "", NOW).attempt()).isEqualTo(2);
    assertThat(moved.sameRunAs(running)).isFalse();
    assertThat(running.sameRunAs(job)).isTrue();
    assertThatThrownBy(() -> running.succeeded(Map.of(), "done", NOW).takenOver("node-1", NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aJobIsOrphanedOnlyWhenItsNodeIsGoneAndSilent() {
    Job running =
        Job.queued("batch_prediction", null, "alice", "node-2", NOW).running(0.5, "", NOW);
    Instant later = NOW.plusSeconds(60);

    assertThat(running.isOrphaned(List.of("node-1"), later)).isTrue();
    // A node still in the cluster keeps its jobs, however long it was silent.
    assertThat(running.isOrphaned(List.of("node-1", "node-2"), later)).isFalse();
    // A node the others lost sight of but that still beats keeps them too (a split cluster).
    assertThat(running.isOrphaned(List.of("node-1"), NOW)).isFalse();
    assertThat(running.succeeded(Map.of(), "done", NOW).isOrphaned(List.of("node-1"), later))
        .isFalse();
    Job nobodys =
        new Job(
            "j",
            "ingest",
            null,
            JobState.RUNNING,
            0,
            "",
            Map.of(),
            null,
            "alice",
            NOW,
            NOW,
            null,
            1);
    assertThat(nobodys.isOrphaned(List.of("node-1"), later))
        .as("queued by a version without heartbeats, which may still be running it")
        .isFalse();
  }

  @Test
  void anAttemptStartsAtOne() {
    assertThatThrownBy(
            () ->
                new Job(
                    "j",
                    "ingest",
                    null,
                    JobState.QUEUED,
                    0,
                    "",
                    Map.of(),
                    null,
                    "alice",
                    NOW,
                    NOW,
                    "n",
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attempt");
  }
}
