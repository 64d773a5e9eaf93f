package org.mlplatform.persistence.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.mlplatform.domain.features.offline.RowFilter;

/** Values come back exactly as written, for every feature type, on every write path. */
class JdbcOfflineStoreValuesIT extends OfflineStoreTestBase {

  @ParameterizedTest
  @EnumSource(Backend.class)
  void timestampsRoundTripToTheMicrosecondInUtcWhateverTheJvmZone(Backend backend) {
    OfflineTable stamps =
        new OfflineTable(
            name("stamps"),
            1,
            List.of(new JoinKey(name("id"), FeatureType.INT64)),
            List.of(feature("seen_at", FeatureType.TIMESTAMP)));
    List<Instant> moments =
        List.of(
            Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("1969-07-20T20:17:40.123456Z"),
            Instant.parse("2026-03-29T01:30:00.000001Z"),
            Instant.parse("2026-10-25T02:30:00.999999Z"),
            Instant.parse("9999-12-31T23:59:59.999999Z"));
    TimeZone zone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Australia/Lord_Howe")); // half-hour DST shifts
    try {
      OfflineStore store = open(backend, stamps);
      List<FeatureRow> rows = new ArrayList<>();
      for (int i = 0; i < moments.size(); i++) {
        rows.add(
            new FeatureRow(EntityKey.of((long) i), moments.get(i), new Object[] {moments.get(i)}));
      }
      rows.add(
          new FeatureRow(
              EntityKey.of(9L),
              Instant.parse("2026-01-01T00:00:00.123456789Z"),
              new Object[] {Instant.parse("2026-01-01T00:00:00.000000999Z")}));
      store.write(stamps, rows.iterator(), n -> {});

      List<Observation> back =
          readAll(store.scan(stamps, Instant.parse("9999-12-31T23:59:59.999999Z")));
      // Range scans decode timestamps their own way on PostgreSQL (binary, or COPY): same values.
      assertThat(show(readAll(store.scanRange(stamps, Instant.MIN, Instant.MAX, RowFilter.ALL))))
          .containsExactlyInAnyOrderElementsOf(show(back));
      assertThat(back)
          .extracting(Observation::eventTime)
          .startsWith(moments.toArray(Instant[]::new));
      assertThat(back).extracting(o -> o.values()[0]).startsWith(moments.toArray());
      assertThat(back.getLast().eventTime())
          .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
      assertThat(back.getLast().values()[0]).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    } finally {
      TimeZone.setDefault(zone);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void allSevenTypesRoundTripIncludingNullsAndAwkwardText(Backend backend) {
    OfflineTable everything =
        new OfflineTable(
            name("everything"),
            1,
            List.of(new JoinKey(name("id"), FeatureType.STRING)),
            List.of(
                feature("i32", FeatureType.INT32),
                feature("i64", FeatureType.INT64),
                feature("f32", FeatureType.FLOAT32),
                feature("f64", FeatureType.FLOAT64),
                feature("text", FeatureType.STRING),
                feature("flag", FeatureType.BOOL),
                feature("at", FeatureType.TIMESTAMP)));
    OfflineStore store = open(backend, everything);
    Object[] high = {
      Integer.MAX_VALUE, Long.MAX_VALUE, 0.1f, 0.1, "tab\there\nnew \\N \"q\" ü 😀", true, t(1)
    };
    Object[] low = {
      Integer.MIN_VALUE, Long.MIN_VALUE, Float.MIN_VALUE, -Double.MAX_VALUE, "", false, t(-1)
    };
    Object[] odd = {0, 0L, Float.NaN, Double.NEGATIVE_INFINITY, "x".repeat(10_000), null, null};
    Object[] none = new Object[7];
    List<FeatureRow> rows =
        List.of(
            new FeatureRow(EntityKey.of("a\tb\\c"), t(0), high),
            new FeatureRow(EntityKey.of("b"), t(0), low),
            new FeatureRow(EntityKey.of("c"), t(0), odd),
            new FeatureRow(EntityKey.of("d"), t(0), none));
    store.write(everything, rows.iterator(), n -> {});

    List<Observation> back = readAll(store.scan(everything, t(0)));
    assertThat(show(readAll(store.scanRange(everything, t(0), t(0), RowFilter.ALL))))
        .containsExactlyInAnyOrderElementsOf(show(back));
    assertThat(
            show(
                readAll(
                    store.scanRange(
                        everything, Set.of(EntityKey.of("c")), t(0), t(0), RowFilter.ALL))))
        .containsExactly(show(List.of(back.get(2))).getFirst());

    assertThat(back)
        .extracting(o -> (String) o.key().values().getFirst())
        .containsExactlyInAnyOrder("a\tb\\c", "b", "c", "d");
    for (FeatureRow row : rows) {
      Observation stored =
          back.stream().filter(o -> o.key().equals(row.key())).findFirst().orElseThrow();
      assertThat(stored.values()).containsExactly(row.values());
      assertThat(stored.eventTime()).isEqualTo(row.eventTime());
    }
  }
}
