package org.mlplatform.persistence.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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
      Job job = Job.queued("ingest", "feature_view:txn_stats", "alice", now);

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
}
