package org.mlplatform.persistence.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobState;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.TestPersistence;

class JpaJobRepositoryIT {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void keepsStateProgressAndResult(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = TestPersistence.entityManagerFactory(db, JobRecord.class)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      Job job = Job.queued("ingest", "feature_view:txn_stats", "alice", "node-1", now);

      TestPersistence.inTransaction(emf, em -> new JpaJobRepository(em).save(job));
      try (EntityManager em = emf.createEntityManager()) {
        assertThat(new JpaJobRepository(em).unfinished())
            .extracting(Job::id)
            .containsExactly(job.id());
      }
      TestPersistence.inTransaction(
          emf, em -> new JpaJobRepository(em).save(job.running(0.5, "half", now.plusSeconds(1))));
      Job done =
          job.running(0.5, "half", now)
              .succeeded(
                  Map.of("accepted", 1_000_000L, "view", "txn_stats", "rate", 2.5),
                  "done",
                  now.plusSeconds(2));
      TestPersistence.inTransaction(emf, em -> new JpaJobRepository(em).save(done));

      try (EntityManager em = emf.createEntityManager()) {
        Job read = new JpaJobRepository(em).find(job.id()).orElseThrow();
        assertThat(read.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(read.progress()).isEqualTo(1.0);
        assertThat(read.result())
            .containsEntry("accepted", 1_000_000L)
            .containsEntry("view", "txn_stats")
            .containsEntry("rate", 2.5);
        assertThat(read.createdAt()).isEqualTo(now);
        assertThat(new JpaJobRepository(em).latest(5))
            .extracting(Job::id)
            .containsExactly(job.id());
        assertThat(new JpaJobRepository(em).unfinished()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void onlyOneNodeTakesAJobOverAndTheOldRunCanNoLongerWriteIt(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = TestPersistence.entityManagerFactory(db, JobRecord.class)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      Job running =
          Job.queued("batch_prediction", "model:m:1", "alice", "node-2", now)
              .running(0.4, "400 rows", now);
      TestPersistence.inTransaction(emf, em -> new JpaJobRepository(em).save(running));

      List<Optional<Job>> attempts = new ArrayList<>();
      for (String node : List.of("node-1", "node-3")) {
        TestPersistence.inTransaction(
            emf,
            em ->
                attempts.add(
                    new JpaJobRepository(em).takeOver(running, node, now.plusSeconds(30))));
      }
      boolean[] oldRunSaved = new boolean[1];
      TestPersistence.inTransaction(
          emf,
          em ->
              oldRunSaved[0] =
                  new JpaJobRepository(em)
                      .save(running.running(0.9, "900 rows", now.plusSeconds(31))));

      assertThat(attempts.get(0)).get().extracting(Job::node).isEqualTo("node-1");
      assertThat(attempts.get(1))
          .as("the second node read the job before the first moved it")
          .isEmpty();
      assertThat(oldRunSaved[0]).isFalse();
      try (EntityManager em = emf.createEntityManager()) {
        Job read = new JpaJobRepository(em).find(running.id()).orElseThrow();
        assertThat(read.node()).isEqualTo("node-1");
        assertThat(read.attempt()).isEqualTo(2);
        assertThat(read.state()).isEqualTo(JobState.QUEUED);
        assertThat(read.message()).isEqualTo("taken over from node node-2 by node node-1");
      }
      Job moved = attempts.get(0).orElseThrow();
      boolean[] newRunSaved = new boolean[1];
      TestPersistence.inTransaction(
          emf,
          em ->
              newRunSaved[0] =
                  new JpaJobRepository(em)
                      .save(moved.running(0.1, "100 rows", now.plusSeconds(32))));
      assertThat(newRunSaved[0]).isTrue();
      Job done = moved.succeeded(Map.of("rows", 1000), "done", now.plusSeconds(40));
      TestPersistence.inTransaction(emf, em -> new JpaJobRepository(em).save(done));
      TestPersistence.inTransaction(
          emf,
          em ->
              assertThat(new JpaJobRepository(em).takeOver(done, "node-3", now.plusSeconds(41)))
                  .as("a finished job stays where it finished")
                  .isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aHeartbeatRefreshesOnlyTheNodesUnfinishedJobs(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = TestPersistence.entityManagerFactory(db, JobRecord.class)) {
      Instant then = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(600);
      Job mine = Job.queued("ingest", null, "alice", "node-1", then).running(0.2, "", then);
      Job finished =
          Job.queued("ingest", null, "alice", "node-1", then).succeeded(Map.of(), "done", then);
      Job others = Job.queued("ingest", null, "alice", "node-2", then);
      TestPersistence.inTransaction(
          emf,
          em -> {
            JpaJobRepository jobs = new JpaJobRepository(em);
            jobs.save(mine);
            jobs.save(finished);
            jobs.save(others);
          });
      Instant now = then.plusSeconds(600);

      TestPersistence.inTransaction(emf, em -> new JpaJobRepository(em).heartbeat("node-1", now));

      try (EntityManager em = emf.createEntityManager()) {
        JpaJobRepository jobs = new JpaJobRepository(em);
        assertThat(jobs.find(mine.id()).orElseThrow().updatedAt()).isEqualTo(now);
        assertThat(jobs.find(finished.id()).orElseThrow().updatedAt()).isEqualTo(then);
        assertThat(jobs.find(others.id()).orElseThrow().updatedAt()).isEqualTo(then);
        assertThat(jobs.unfinished())
            .filteredOn(j -> j.isOrphaned(List.of("node-1"), now.minusSeconds(20)))
            .extracting(Job::id)
            .containsExactly(others.id());
      }
    }
  }
}
