package org.mlplatform.persistence.offline.history;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * Numbers a copy's entities from 0 in order of first appearance, and finds an entity's number. A
 * single numeric join key, the usual case, is kept in an open-addressing table of primitives (12 to
 * 24 bytes an entity instead of about 130 for a map of keys), so a copy of a million entities costs
 * the heap little. Join keys are INT32, INT64 or STRING, never null.
 */
abstract sealed class EntityIndex {

  /** The number of entities numbered. */
  abstract int size();

  /** The entity's number, a new one if it has none yet. */
  abstract int add(EntityKey key);

  /** The entity's number, or -1. */
  abstract int find(EntityKey key);

  /** The entities' keys in number order ({@code keys.bin}). */
  abstract void writeTo(DataOutputStream out) throws IOException;

  static EntityIndex forTable(OfflineTable table) {
    boolean numeric =
        table.joinKeys().size() == 1 && table.joinKeys().getFirst().type() != FeatureType.STRING;
    return numeric ? new Numeric(table.joinKeys().getFirst().type()) : new Keys();
  }

  /** Reads {@code count} keys written by {@link #writeTo}. */
  static EntityIndex read(DataInputStream in, OfflineTable table, int count, long fileSize)
      throws IOException {
    EntityIndex index = forTable(table);
    int width = table.joinKeys().size();
    Object[] values = new Object[width];
    for (int e = 0; e < count; e++) {
      for (int i = 0; i < width; i++) {
        values[i] = readValue(in, fileSize);
      }
      if (index.add(EntityKey.of(values)) != e) {
        throw new IOException("entity " + e + " appears twice");
      }
    }
    if (in.read() >= 0) {
      throw new IOException("more than " + count + " entities");
    }
    return index;
  }

  static void writeValue(DataOutputStream out, Object value) throws IOException {
    switch (value) {
      case Integer i -> {
        out.writeByte('i');
        out.writeInt(i);
      }
      case Long l -> {
        out.writeByte('l');
        out.writeLong(l);
      }
      case String s -> {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeByte('s');
        out.writeInt(bytes.length);
        out.write(bytes);
      }
      default ->
          throw new IllegalArgumentException(
              "a join key of type " + value.getClass().getSimpleName());
    }
  }

  private static Object readValue(DataInputStream in, long fileSize) throws IOException {
    int tag = in.readByte();
    return switch (tag) {
      case 'i' -> in.readInt();
      case 'l' -> in.readLong();
      case 's' -> {
        int length = in.readInt();
        if (length < 0 || length > fileSize) {
          throw new IOException("a key of " + length + " bytes in a file of " + fileSize);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        yield new String(bytes, StandardCharsets.UTF_8);
      }
      default -> throw new IOException("unknown key tag " + tag);
    };
  }

  /** Any join keys: a map of keys. */
  private static final class Keys extends EntityIndex {
    private final Map<EntityKey, Integer> numbers = new HashMap<>();
    private final List<EntityKey> keys = new ArrayList<>();

    @Override
    int size() {
      return keys.size();
    }

    @Override
    int add(EntityKey key) {
      Integer number = numbers.putIfAbsent(key, keys.size());
      if (number != null) {
        return number;
      }
      keys.add(key);
      return keys.size() - 1;
    }

    @Override
    int find(EntityKey key) {
      Integer number = numbers.get(key);
      return number == null ? -1 : number;
    }

    @Override
    void writeTo(DataOutputStream out) throws IOException {
      for (EntityKey key : keys) {
        for (Object value : key.values()) {
          writeValue(out, value);
        }
      }
    }
  }

  /** One INT32 or INT64 join key: linear probing over primitive arrays. */
  private static final class Numeric extends EntityIndex {
    private final FeatureType type;
    private long[] slotKeys = new long[1 << 10];
    private int[] slotNumbers = filled(1 << 10); // -1: free
    private long[] keyOf = new long[1 << 9];
    private int size;

    Numeric(FeatureType type) {
      this.type = type;
    }

    private static int[] filled(int length) {
      int[] numbers = new int[length];
      Arrays.fill(numbers, -1);
      return numbers;
    }

    @Override
    int size() {
      return size;
    }

    @Override
    int add(EntityKey key) {
      long value = value(key);
      int slot = slot(value);
      if (slotNumbers[slot] >= 0) {
        return slotNumbers[slot];
      }
      if (size == keyOf.length) {
        keyOf = Arrays.copyOf(keyOf, size * 2);
      }
      keyOf[size] = value;
      slotKeys[slot] = value;
      slotNumbers[slot] = size;
      size++;
      if (size * 2 > slotKeys.length) {
        grow();
      }
      return size - 1;
    }

    @Override
    int find(EntityKey key) {
      Object value = key.size() == 1 ? key.value(0) : null;
      if (!(value instanceof Long) && !(value instanceof Integer)) {
        return -1;
      }
      return slotNumbers[slot(((Number) value).longValue())];
    }

    /** The slot holding {@code value}, or the free slot where it belongs. */
    private int slot(long value) {
      int mask = slotKeys.length - 1;
      int slot = (int) (mix(value) & mask);
      while (slotNumbers[slot] >= 0 && slotKeys[slot] != value) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    private void grow() {
      slotKeys = new long[slotKeys.length * 2];
      slotNumbers = filled(slotKeys.length);
      for (int number = 0; number < size; number++) {
        int slot = slot(keyOf[number]);
        slotKeys[slot] = keyOf[number];
        slotNumbers[slot] = number;
      }
    }

    private static long mix(long value) { // spreads sequential ids over the table
      long h = value * 0x9E3779B97F4A7C15L;
      return h ^ (h >>> 32);
    }

    private long value(EntityKey key) {
      return ((Number) key.value(0)).longValue();
    }

    @Override
    void writeTo(DataOutputStream out) throws IOException {
      for (int number = 0; number < size; number++) {
        writeValue(out, type == FeatureType.INT32 ? (Object) (int) keyOf[number] : keyOf[number]);
      }
    }
  }
}
