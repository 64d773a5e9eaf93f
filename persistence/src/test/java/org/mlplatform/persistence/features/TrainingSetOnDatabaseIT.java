package org.mlplatform.persistence.features;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.training.EntityRows;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSetBuilder;
import org.mlplatform.domain.features.training.TrainingSetPlan;
import org.mlplatform.domain.features.training.TrainingSetSink;
import org.mlplatform.persistence.TestDatabase;
import org.mlplatform.persistence.TestPersistence;
import org.mlplatform.persistence.offline.JdbcOfflineStore;

/**
 * Training sets over the real catalogue and offline store, on H2 and PostgreSQL: the database's
 * ordering and time handling give the same point-in-time answers, whether the builder asks for the
 * requested entities only or scans whole tables.
 */
class TrainingSetOnDatabaseIT {

  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  private static ResourceName n(String name) {
    return new ResourceName(name);
  }

  private static Instant h(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void keyedAndFullScansGiveTheSamePointInTimeRows(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf =
            TestPersistence.entityManagerFactory(
                db, EntityRecord.class, FeatureViewRecord.class, FeatureServiceRecord.class)) {
      TestPersistence.inTransaction(
          emf,
          em -> {
            FeatureRegistry registry = new FeatureRegistry(new JpaFeatureCatalog(em));
            registry.createEntity(
                new EntityDefinition(
                    n("user"),
                    List.of(
                        new JoinKey(n("region"), FeatureType.STRING),
                        new JoinKey(n("user_id"), FeatureType.INT64)),
                    ""));
            registry.createView(
                new FeatureViewDefinition(
                    n("clicks"),
                    1,
                    List.of(n("user")),
                    List.of(new FeatureDefinition(n("ctr"), FeatureType.FLOAT32, "")),
                    Duration.ofHours(2),
                    "alice",
                    Set.of(),
                    ""));
          });
      OfflineStore store = new JdbcOfflineStore(db.dataSource());
      try (EntityManager em = emf.createEntityManager()) {
        FeatureRegistry registry = new FeatureRegistry(new JpaFeatureCatalog(em));
        FeatureViewDefinition view = registry.latestView(n("clicks"));
        OfflineTable table = OfflineTable.of(view, List.of(registry.entity(n("user"))));
        store.ensureTable(table);
        List<FeatureRow> rows = new ArrayList<>();
        for (long user = 1; user <= 3; user++) {
          for (int hour = 0; hour < 6; hour += 2) {
            rows.add(
                new FeatureRow(
                    EntityKey.of("eu", user), h(hour), new Object[] {user + hour / 10f}));
          }
        }
        rows.add(new FeatureRow(EntityKey.of("us", 1L), h(1), new Object[] {9f}));
        store.write(table, rows.iterator(), done -> {});

        TrainingSetPlan plan =
            TrainingSetPlan.of(List.of(FeatureRef.parse("f", "clicks:ctr")), registry);
        EntityRows spine =
            new EntityRows(
                List.of("region", "user_id"),
                List.of(h(0), h(3), h(6), h(7), h(1), h(5)),
                List.of(
                    new Object[] {"eu", "1"},
                    new Object[] {"eu", "1"},
                    new Object[] {"eu", "2"},
                    new Object[] {"eu", "2"},
                    new Object[] {"us", "1"},
                    new Object[] {"us", "9"}));

        List<Object> keyed = ctr(new TrainingSetBuilder(store, Integer.MAX_VALUE), plan, spine);
        List<Object> scanned = ctr(new TrainingSetBuilder(store, 0), plan, spine);

        // h6 is 2 h after the last row (h4): still fresh; h7 is not.
        assertThat(keyed).containsExactly(1.0f, 1.2f, 2.4f, null, 9.0f, null);
        assertThat(scanned).isEqualTo(keyed);
      }
    }
  }

  private static List<Object> ctr(
      TrainingSetBuilder builder, TrainingSetPlan plan, EntityRows spine) {
    List<Object> values = new ArrayList<>();
    builder.build(
        plan,
        spine,
        new TrainingSetSink() {
          @Override
          public void start(List<TrainingColumn> columns) {}

          @Override
          public void row(Object[] row) {
            values.add(row[3]);
          }
        },
        share -> {});
    return values;
  }
}
