package org.mlplatform.persistence.offline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.OfflineTable;

/** Entity numbering for every kind of join key: first come, first numbered; read back the same. */
class EntityIndexTest {

  enum Shape {
    INT32,
    INT64,
    STRING,
    COMPOSITE
  }

  private static OfflineTable table(Shape shape) {
    List<JoinKey> keys =
        switch (shape) {
          case INT32 -> List.of(new JoinKey(new ResourceName("id"), FeatureType.INT32));
          case INT64 -> List.of(new JoinKey(new ResourceName("id"), FeatureType.INT64));
          case STRING -> List.of(new JoinKey(new ResourceName("id"), FeatureType.STRING));
          case COMPOSITE ->
              List.of(
                  new JoinKey(new ResourceName("region"), FeatureType.STRING),
                  new JoinKey(new ResourceName("id"), FeatureType.INT32));
        };
    return new OfflineTable(
        new ResourceName("t"),
        1,
        keys,
        List.of(new FeatureDefinition(new ResourceName("v"), FeatureType.FLOAT64, "")));
  }

  private static EntityKey key(Shape shape, long n) {
    return switch (shape) {
      case INT32 -> EntityKey.of((int) n);
      case INT64 -> EntityKey.of(n);
      case STRING -> EntityKey.of("k" + n);
      case COMPOSITE -> EntityKey.of(n % 2 == 0 ? "eu" : "us", (int) n);
    };
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void entitiesAreNumberedInOrderOfFirstAppearanceAndReadBackTheSame(Shape shape)
      throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    List<Long> distinct = new ArrayList<>();
    EntityIndex index = EntityIndex.forTable(table(shape));
    List<Long> edges =
        shape == Shape.INT64
            ? List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L)
            : List.of((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 0L, -1L);
    for (long edge : edges) {
      assertThat(index.add(key(shape, edge))).isEqualTo(distinct.size());
      distinct.add(edge);
    }
    for (int i = 0; i < 50_000; i++) { // sequential ids and random ones, with repeats
      long n = i % 3 == 0 ? random.nextInt(1_000_000) : i;
      int before = index.size();
      int number = index.add(key(shape, n));
      if (number == before) {
        distinct.add(n);
      }
      assertThat(index.find(key(shape, n))).isEqualTo(number);
    }
    assertThat(index.size()).isEqualTo(distinct.size());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      index.writeTo(out);
    }
    EntityIndex read =
        EntityIndex.read(
            new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
            table(shape),
            distinct.size(),
            bytes.size());

    for (int number = 0; number < distinct.size(); number++) {
      assertThat(read.find(key(shape, distinct.get(number)))).isEqualTo(number);
    }
    assertThat(read.find(key(shape, 5_000_000))).isEqualTo(-1);
    assertThat(read.find(EntityKey.of("not", "this", "shape"))).isEqualTo(-1);
    assertThatThrownBy(
            () ->
                EntityIndex.read(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                    table(shape),
                    distinct.size() - 1,
                    bytes.size()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("more than");
  }
}
