package org.mlplatform.persistence.offline.history;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * Streams a table's rows into the files of a new copy ({@link HistoryLayout}): values go to disk as
 * they come; only each row's entity number and event time stay in memory, to sort by at the end.
 */
final class HistoryWriter implements AutoCloseable {

  private final Path dir;
  private final OfflineTable table;
  private final List<FeatureType> types;
  private final int maxRows;
  private final Map<EntityKey, Integer> entityOf = new HashMap<>();
  private final List<EntityKey> entities = new ArrayList<>();
  private final ColumnOutput[] values;
  private final ColumnOutput[] nulls;
  private final ColumnOutput[] offsets;
  private final int[] pendingNulls;
  private final long[] stringEnds;
  private final Map<String, Long> checksums = new TreeMap<>();
  private long[] times = new long[1 << 12];
  private int[] entityOfRow = new int[1 << 12];
  private int rows;

  /**
   * @param maxRows the most rows the copy may take; {@link #add} refuses more
   */
  HistoryWriter(Path dir, OfflineTable table, int maxRows) throws IOException {
    this.dir = dir;
    this.table = table;
    this.types = HistoryLayout.featureTypes(table);
    this.maxRows = maxRows;
    int count = types.size();
    values = new ColumnOutput[count];
    nulls = new ColumnOutput[count];
    offsets = new ColumnOutput[count];
    pendingNulls = new int[count];
    stringEnds = new long[count];
    try {
      for (int f = 0; f < count; f++) {
        values[f] = new ColumnOutput(dir.resolve(HistoryLayout.values(f)));
        nulls[f] = new ColumnOutput(dir.resolve(HistoryLayout.nulls(f)));
        if (types.get(f) == FeatureType.STRING) {
          offsets[f] = new ColumnOutput(dir.resolve(HistoryLayout.offsets(f)));
          offsets[f].putLong(0);
        }
      }
    } catch (IOException e) {
      closeQuietly(e);
      throw e;
    }
  }

  /**
   * Adds a row; false, taking nothing, when the copy already holds {@code maxRows} rows.
   *
   * @throws IOException when writing a value fails
   */
  boolean add(Observation row) throws IOException {
    if (rows >= maxRows) {
      return false;
    }
    if (rows == times.length) {
      int grown = (int) Math.min((long) rows * 2, Integer.MAX_VALUE - 8);
      times = Arrays.copyOf(times, grown);
      entityOfRow = Arrays.copyOf(entityOfRow, grown);
    }
    Integer entity = entityOf.putIfAbsent(row.key(), entities.size());
    if (entity == null) {
      entity = entities.size();
      entities.add(row.key());
    }
    entityOfRow[rows] = entity;
    times[rows] = HistoryLayout.micros(row.eventTime());
    Object[] rowValues = row.values();
    for (int f = 0; f < values.length; f++) {
      put(f, rowValues[f]);
    }
    rows++;
    return true;
  }

  private void put(int f, Object value) throws IOException {
    int bit = rows & 7;
    if (value == null) {
      pendingNulls[f] |= 1 << bit;
    }
    if (bit == 7) {
      nulls[f].putByte(pendingNulls[f]);
      pendingNulls[f] = 0;
    }
    ColumnOutput out = values[f];
    switch (types.get(f)) {
      case INT32 -> out.putInt(value == null ? 0 : (Integer) value);
      case INT64 -> out.putLong(value == null ? 0 : (Long) value);
      case FLOAT32 -> out.putFloat(value == null ? 0 : (Float) value);
      case FLOAT64 -> out.putDouble(value == null ? 0 : (Double) value);
      case BOOL -> out.putByte(value != null && (Boolean) value ? 1 : 0);
      case TIMESTAMP -> out.putLong(value == null ? 0 : HistoryLayout.micros((Instant) value));
      case STRING -> {
        if (value != null) {
          byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
          out.putBytes(bytes);
          stringEnds[f] += bytes.length;
        }
        offsets[f].putLong(stringEnds[f]);
      }
    }
  }

  /** Writes the index files and, last, the manifest; then the copy is complete. */
  void finish() throws IOException {
    for (int f = 0; f < values.length; f++) {
      if ((rows & 7) != 0) {
        nulls[f].putByte(pendingNulls[f]);
      }
    }
    closeColumns();
    int[] starts = new int[entities.size() + 1];
    for (int r = 0; r < rows; r++) {
      starts[entityOfRow[r] + 1]++;
    }
    for (int e = 0; e < entities.size(); e++) {
      starts[e + 1] += starts[e];
    }
    int[] order = new int[rows];
    int[] next = Arrays.copyOf(starts, entities.size());
    for (int r = 0; r < rows; r++) {
      order[next[entityOfRow[r]]++] = r;
    }
    long[] sortedTimes = new long[rows];
    for (int i = 0; i < rows; i++) {
      sortedTimes[i] = times[order[i]];
    }
    for (int e = 0; e < entities.size(); e++) {
      EntitySort.byTime(sortedTimes, order, starts[e], starts[e + 1]);
    }
    ColumnOutput startsOut = new ColumnOutput(dir.resolve(HistoryLayout.STARTS));
    try (startsOut) {
      for (int start : starts) {
        startsOut.putInt(start);
      }
    }
    ColumnOutput timesOut = new ColumnOutput(dir.resolve(HistoryLayout.TIMES));
    try (timesOut) {
      for (long time : sortedTimes) {
        timesOut.putLong(time);
      }
    }
    ColumnOutput rowsOut = new ColumnOutput(dir.resolve(HistoryLayout.ROWS));
    try (rowsOut) {
      for (int row : order) {
        rowsOut.putInt(row);
      }
    }
    for (ColumnOutput out : List.of(startsOut, timesOut, rowsOut)) {
      checksums.put(out.name(), out.checksum());
    }
    writeKeys();
    HistoryLayout.writeManifest(dir, table, rows, entities.size(), checksums);
  }

  /** Join keys are INT32, INT64 or STRING, never null. */
  private void writeKeys() throws IOException {
    CRC32C checksum = new CRC32C();
    try (OutputStream file = Files.newOutputStream(dir.resolve(HistoryLayout.KEYS));
        DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(new CheckedOutputStream(file, checksum), 1 << 16))) {
      for (EntityKey key : entities) {
        for (Object value : key.values()) {
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
      }
    }
    checksums.put(HistoryLayout.KEYS, checksum.getValue());
  }

  private void closeColumns() throws IOException {
    IOException failure = null;
    for (ColumnOutput[] group : List.of(values, nulls, offsets)) {
      for (int f = 0; f < group.length; f++) {
        if (group[f] != null) {
          try {
            group[f].close();
            checksums.put(group[f].name(), group[f].checksum());
          } catch (IOException e) {
            failure = failure == null ? e : failure;
          }
          group[f] = null;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void closeQuietly(Exception cause) {
    try {
      closeColumns();
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** Closes the files if {@link #finish()} did not (a copy given up on). */
  @Override
  public void close() throws IOException {
    closeColumns();
  }
}
