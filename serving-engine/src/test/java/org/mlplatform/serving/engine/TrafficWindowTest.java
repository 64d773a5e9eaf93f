package org.mlplatform.serving.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficWindowTest {

  private Instant now = Instant.parse("2026-11-28T10:00:00.500Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void countsEachSecondAndReportsPercentilesWithinABucket() {
    TrafficWindow window = new TrafficWindow(clock);
    for (int i = 0; i < 98; i++) {
      window.served(200_000); // 200 µs
    }
    window.served(5_000_000); // 5 ms
    window.served(5_000_000);
    window.failed();
    now = now.plusSeconds(1);

    List<TrafficWindow.Point> points = window.recent(3);

    assertThat(points).hasSize(3);
    TrafficWindow.Point last = points.getLast();
    assertThat(last.second()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
    assertThat(last.requests()).isEqualTo(100);
    assertThat(last.errors()).isEqualTo(1);
    assertThat(last.p50Micros()).isBetween(200L, 240L);
    assertThat(last.p99Micros()).isBetween(5_000L, 6_000L);
    assertThat(points.getFirst().requests()).isZero();
  }

  @Test
  void aSlotReusedAfterFiveMinutesStartsFromZero() {
    TrafficWindow window = new TrafficWindow(clock);
    window.served(1_000);
    now = now.plusSeconds(TrafficWindow.SECONDS);
    window.served(1_000);
    now = now.plusSeconds(1);

    assertThat(window.recent(1).getFirst().requests()).isEqualTo(1);
  }

  @Test
  void bucketsCoverMicrosecondsToSeconds() {
    assertThat(TrafficWindow.bucket(0)).isZero();
    assertThat(TrafficWindow.upperBoundMicros(TrafficWindow.bucket(1_000)))
        .isBetween(1_000L, 1_190L);
    assertThat(TrafficWindow.bucket(Long.MAX_VALUE / 1_000)).isEqualTo(79);
  }
}
