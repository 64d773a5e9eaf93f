package org.mlplatform.domain.features;

import java.util.Arrays;
import java.util.List;

/**
 * The join-key values of one entity, in the entity's join-key order; a value object usable as a map
 * key. Values are in their canonical types ({@link FeatureType#coerce}), so {@code 1} read from
 * JSON and {@code "1"} read from CSV for an INT64 key are the same key.
 */
public final class EntityKey {

  private final Object[] values;
  private final int hash;

  private EntityKey(Object[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  public static EntityKey of(Object... values) {
    for (Object v : values) {
      if (v == null) {
        throw new IllegalArgumentException("a join key value must not be null");
      }
    }
    return new EntityKey(values.clone());
  }

  public List<Object> values() {
    return List.of(values);
  }

  /** The number of join-key values. */
  public int size() {
    return values.length;
  }

  /** One join-key value, without copying them all as {@link #values()} does. */
  public Object value(int index) {
    return values[index];
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof EntityKey other
            && hash == other.hash
            && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
