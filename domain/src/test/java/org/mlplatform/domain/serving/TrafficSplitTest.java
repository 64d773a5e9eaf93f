package org.mlplatform.domain.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrafficSplitTest {

  private static final int KEYS = 100_000;

  /** Keys of three shapes callers send: counters with a prefix, bare numbers, UUIDs. */
  private static final IntFunction<String> USER = i -> "user-" + i;

  private static final IntFunction<String> NUMBER = Integer::toString;

  private static final IntFunction<String> UUIDS =
      i -> new UUID(0x1234_5678_9abc_def0L + i, 0x8000_0000_0000_0000L | i).toString();

  @ParameterizedTest
  @ValueSource(ints = {1, 10, 50, 90})
  void distinctKeysReachTheCanaryInProportionWithinFourStandardDeviations(int percent) {
    for (IntFunction<String> keys : List.of(USER, NUMBER, UUIDS)) {
      int canary = 0;
      for (int i = 0; i < KEYS; i++) {
        if (TrafficSplit.toCanary(percent, keys.apply(i))) {
          canary++;
        }
      }
      assertThat((double) canary)
          .as("%d%% of %d keys like %s", percent, KEYS, keys.apply(7))
          .isCloseTo(expected(percent), Offset.offset(tolerance(percent)));
    }
  }

  @Test
  void bucketsAreUniform() {
    int[] counts = new int[100];
    for (int i = 0; i < KEYS; i++) {
      counts[TrafficSplit.bucket(USER.apply(i))]++;
    }
    double expected = KEYS / 100.0;
    double chiSquare = 0;
    for (int count : counts) {
      chiSquare += (count - expected) * (count - expected) / expected;
    }
    // 99 degrees of freedom: mean 99, standard deviation sqrt(198) = 14.1.
    assertThat(chiSquare).isLessThan(99 + 4 * Math.sqrt(198));
  }

  @Test
  void theSameKeyAlwaysGetsTheSameAnswerAndRaisingThePercentageOnlyAddsKeys() {
    for (int i = 0; i < 10_000; i++) {
      String key = USER.apply(i);
      boolean atTen = TrafficSplit.toCanary(10, key);
      assertThat(TrafficSplit.toCanary(10, new String(key.toCharArray()))).isEqualTo(atTen);
      if (atTen) {
        assertThat(TrafficSplit.toCanary(11, key)).isTrue();
        assertThat(TrafficSplit.toCanary(50, key)).isTrue();
      }
    }
  }

  @Test
  void bucketsAreReproducibleOutsideJava() {
    // FNV-1a 64 reference vectors, then buckets computed independently (Python).
    assertThat(TrafficSplit.fnv1a64("a".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(TrafficSplit.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0x85944171f73967e8L);
    assertThat(TrafficSplit.hash("a")).isEqualTo(0x82a2a958a9bece5bL);
    assertThat(TrafficSplit.bucket("a")).isEqualTo(15);
    assertThat(TrafficSplit.bucket("foobar")).isEqualTo(75);
    assertThat(TrafficSplit.bucket("user-42")).isEqualTo(53);
    assertThat(TrafficSplit.bucket("alice")).isEqualTo(36);
    assertThat(TrafficSplit.bucket("ünïcode")).isEqualTo(65);
    assertThat(TrafficSplit.bucket("")).isBetween(0, 99);
  }

  @Test
  void zeroNeverAndHundredAlwaysGoesToTheCanary() {
    RandomGenerator random = new SplittableRandom(1);
    for (int i = 0; i < 10_000; i++) {
      assertThat(TrafficSplit.toCanary(0, USER.apply(i))).isFalse();
      assertThat(TrafficSplit.toCanary(100, USER.apply(i))).isTrue();
      assertThat(TrafficSplit.toCanary(0, random)).isFalse();
      assertThat(TrafficSplit.toCanary(100, random)).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 50})
  void requestsWithoutAKeyAreDrawnInProportion(int percent) {
    RandomGenerator random = new SplittableRandom(42);
    int canary = 0;
    for (int i = 0; i < KEYS; i++) {
      if (TrafficSplit.toCanary(percent, random)) {
        canary++;
      }
    }
    assertThat((double) canary).isCloseTo(expected(percent), Offset.offset(tolerance(percent)));
  }

  @Test
  void percentagesOutsideZeroToHundredAndMissingKeysAreRefused() {
    assertThatThrownBy(() -> TrafficSplit.toCanary(-1, "k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 to 100");
    assertThatThrownBy(() -> TrafficSplit.toCanary(101, new SplittableRandom()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrafficSplit.toCanary(10, (String) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TrafficSplit.toCanary(10, (RandomGenerator) null))
        .isInstanceOf(NullPointerException.class);
  }

  private static double expected(int percent) {
    return KEYS * percent / 100.0;
  }

  /** Four binomial standard deviations. */
  private static double tolerance(int percent) {
    double p = percent / 100.0;
    return 4 * Math.sqrt(KEYS * p * (1 - p));
  }
}
