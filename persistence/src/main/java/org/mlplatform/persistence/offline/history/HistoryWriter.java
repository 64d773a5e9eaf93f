package org.mlplatform.persistence.offline.history;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * Streams a table's rows into the files of a new copy ({@link HistoryLayout}): values go to disk as
 * they come; only each row's entity number and event time stay in memory, to sort by at the end.
 */
final class HistoryWriter implements RowSink, AutoCloseable {

  private final Path dir;
  private final OfflineTable table;
  private final FeatureType[] types;
  private final int maxRows;
  private final EntityIndex entities;
  private final ColumnOutput[] values;
  private final ColumnOutput[] nulls;
  private final ColumnOutput[] offsets;
  private final int[] pendingNulls;
  private final long[] stringEnds;
  private final Map<String, Long> checksums = new TreeMap<>();
  private long[] times = new long[1 << 12];
  private int[] entityOfRow = new int[1 << 12];
  private int rows;
  private int column; // the current row's next feature

  /**
   * @param maxRows the most rows the copy may take; {@link #startRow} refuses more
   */
  HistoryWriter(Path dir, OfflineTable table, int maxRows) throws IOException {
    this.dir = dir;
    this.table = table;
    this.types = HistoryLayout.featureTypes(table).toArray(FeatureType[]::new);
    this.maxRows = maxRows;
    this.entities = EntityIndex.forTable(table);
    int count = types.length;
    values = new ColumnOutput[count];
    nulls = new ColumnOutput[count];
    offsets = new ColumnOutput[count];
    pendingNulls = new int[count];
    stringEnds = new long[count];
    try {
      for (int f = 0; f < count; f++) {
        values[f] = new ColumnOutput(dir.resolve(HistoryLayout.values(f)));
        nulls[f] = new ColumnOutput(dir.resolve(HistoryLayout.nulls(f)));
        if (types[f] == FeatureType.STRING) {
          offsets[f] = new ColumnOutput(dir.resolve(HistoryLayout.offsets(f)));
          offsets[f].putLong(0);
        }
      }
    } catch (IOException e) {
      closeQuietly(e);
      throw e;
    }
  }

  @Override
  public boolean startRow(EntityKey key, long eventMicros) {
    rowComplete();
    if (rows >= maxRows) {
      return false;
    }
    if (rows == times.length) {
      int grown = (int) Math.min((long) rows * 2, Integer.MAX_VALUE - 8);
      times = Arrays.copyOf(times, grown);
      entityOfRow = Arrays.copyOf(entityOfRow, grown);
    }
    entityOfRow[rows] = entities.add(key);
    times[rows] = eventMicros;
    rows++;
    column = 0;
    return true;
  }

  @Override
  public void putNull() throws IOException {
    FeatureType type = next(null);
    ColumnOutput out = values[column];
    switch (type) {
      case INT32, FLOAT32 -> out.putInt(0);
      case INT64, FLOAT64, TIMESTAMP -> out.putLong(0);
      case BOOL -> out.putByte(0);
      case STRING -> offsets[column].putLong(stringEnds[column]);
    }
    done(true);
  }

  @Override
  public void putInt(int value) throws IOException {
    next(FeatureType.INT32);
    values[column].putInt(value);
    done(false);
  }

  @Override
  public void putLong(long value) throws IOException {
    next(FeatureType.INT64);
    values[column].putLong(value);
    done(false);
  }

  @Override
  public void putFloat(float value) throws IOException {
    next(FeatureType.FLOAT32);
    values[column].putFloat(value);
    done(false);
  }

  @Override
  public void putDouble(double value) throws IOException {
    next(FeatureType.FLOAT64);
    values[column].putDouble(value);
    done(false);
  }

  @Override
  public void putBool(boolean value) throws IOException {
    next(FeatureType.BOOL);
    values[column].putByte(value ? 1 : 0);
    done(false);
  }

  @Override
  public void putMicros(long value) throws IOException {
    next(FeatureType.TIMESTAMP);
    values[column].putLong(value);
    done(false);
  }

  @Override
  public void putUtf8(byte[] bytes, int offset, int length) throws IOException {
    next(FeatureType.STRING);
    values[column].putBytes(bytes, offset, length);
    stringEnds[column] += length;
    offsets[column].putLong(stringEnds[column]);
    done(false);
  }

  /** The type of the row's next feature, checked against the value's (null: any). */
  private FeatureType next(FeatureType given) {
    if (rows == 0 || column >= types.length) {
      throw new IllegalStateException("a value outside a row, or more values than features");
    }
    FeatureType type = types[column];
    if (given != null && given != type) {
      throw new IllegalArgumentException(
          "a " + given + " value for feature " + column + " of type " + type);
    }
    return type;
  }

  /** Records the value's null bit and moves to the next feature. */
  private void done(boolean isNull) throws IOException {
    int bit = (rows - 1) & 7;
    if (isNull) {
      pendingNulls[column] |= 1 << bit;
    }
    if (bit == 7) {
      nulls[column].putByte(pendingNulls[column]);
      pendingNulls[column] = 0;
    }
    column++;
  }

  private void rowComplete() {
    if (rows > 0 && column != types.length) {
      throw new IllegalStateException(
          "row " + rows + " has " + column + " values for " + types.length + " features");
    }
  }

  /** Writes the index files and, last, the manifest; then the copy is complete. */
  void finish() throws IOException {
    rowComplete();
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

  private void writeKeys() throws IOException {
    CRC32C checksum = new CRC32C();
    try (OutputStream file = Files.newOutputStream(dir.resolve(HistoryLayout.KEYS));
        DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(new CheckedOutputStream(file, checksum), 1 << 16))) {
      entities.writeTo(out);
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
