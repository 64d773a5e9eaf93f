package org.mlplatform.persistence.training;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.stats.ColumnStatistics;
import org.mlplatform.domain.features.stats.ColumnStatisticsCollector;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingColumn.Role;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetState;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.TestPersistence;

/** A snapshot's lineage, columns and statistics survive the database on H2 and PostgreSQL. */
class JpaTrainingSetRepositoryIT {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSnapshotGoesFromBuildingToReadyWithEverythingItRecords(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf =
            TestPersistence.entityManagerFactory(db, TrainingSetRecord.class)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      TrainingSet building =
          new TrainingSet(
              UUID.randomUUID().toString(),
              "fraud, March",
              "alice",
              now,
              TrainingSetState.BUILDING,
              List.of("spend:avg", "spend:ratio"),
              "fraud:2",
              Map.of("spend", 3),
              Map.of("spend:ratio", "amount / avg"),
              List.of(),
              0,
              null,
              null,
              null,
              List.of(),
              UUID.randomUUID().toString(),
              null);
      TestPersistence.inTransaction(emf, em -> new JpaTrainingSetRepository(em).save(building));
      try (EntityManager em = emf.createEntityManager()) {
        assertThat(new JpaTrainingSetRepository(em).building())
            .extracting(TrainingSet::id)
            .containsExactly(building.id());
      }

      ColumnStatisticsCollector amounts =
          new ColumnStatisticsCollector("spend__avg", FeatureType.FLOAT64);
      for (int i = 1; i <= 100; i++) {
        amounts.add(i * 1.5);
      }
      amounts.add(null);
      ColumnStatisticsCollector cities = new ColumnStatisticsCollector("city", FeatureType.STRING);
      List.of("Oslo", "Oslo", "Rome").forEach(cities::add);
      List<ColumnStatistics> statistics = List.of(amounts.finish(), cities.finish());
      TrainingSet ready =
          building.ready(
              List.of(
                  new TrainingColumn(
                      "event_timestamp", FeatureType.TIMESTAMP, Role.EVENT_TIMESTAMP, null),
                  new TrainingColumn("spend__avg", FeatureType.FLOAT64, Role.FEATURE, "spend:avg")),
              101,
              now.minusSeconds(3600),
              now,
              "ab".repeat(32),
              statistics);
      TestPersistence.inTransaction(emf, em -> new JpaTrainingSetRepository(em).save(ready));

      try (EntityManager em = emf.createEntityManager()) {
        JpaTrainingSetRepository repository = new JpaTrainingSetRepository(em);
        TrainingSet read = repository.find(building.id()).orElseThrow();
        assertThat(read).isEqualTo(ready);
        assertThat(read.statistics().getFirst().numeric().histogram()).isNotEmpty();
        assertThat(repository.list(10)).extracting(TrainingSet::id).containsExactly(building.id());
        assertThat(repository.find(UUID.randomUUID().toString())).isEmpty();
        assertThat(repository.building()).isEmpty();
      }
    }
  }
}
