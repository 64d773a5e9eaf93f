package org.mlplatform.persistence.offline.history;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.HistoryIndex;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * A complete copy ({@link HistoryLayout}) mapped into memory: the entities and their row ranges on
 * the heap, times, rows and values in the page cache. A lookup is a hash lookup, a binary search of
 * the entity's times and a read of one row's values. The mappings live as long as this object is
 * reachable, so a replaced copy stays readable for a build still using it.
 */
final class MappedHistory implements HistoryIndex {

  private final List<FeatureType> types;
  private final int rows;
  private final EntityIndex entities;
  private final int[] starts;
  private final MemorySegment times;
  private final MemorySegment order;
  private final MemorySegment[] values;
  private final MemorySegment[] nulls;
  private final MemorySegment[] offsets;

  private MappedHistory(Path dir, OfflineTable table, HistoryLayout.Counts counts)
      throws IOException {
    this.types = HistoryLayout.featureTypes(table);
    this.rows = counts.rows();
    Arena arena = Arena.ofAuto();
    times = map(dir.resolve(HistoryLayout.TIMES), 8L * rows, arena);
    order = map(dir.resolve(HistoryLayout.ROWS), 4L * rows, arena);
    MemorySegment startFile =
        map(dir.resolve(HistoryLayout.STARTS), 4L * (counts.keys() + 1), arena);
    starts = startFile.toArray(JAVA_INT_UNALIGNED);
    values = new MemorySegment[types.size()];
    nulls = new MemorySegment[types.size()];
    offsets = new MemorySegment[types.size()];
    for (int f = 0; f < types.size(); f++) {
      nulls[f] = map(dir.resolve(HistoryLayout.nulls(f)), HistoryLayout.nullBytes(rows), arena);
      if (types.get(f) == FeatureType.STRING) {
        offsets[f] = map(dir.resolve(HistoryLayout.offsets(f)), 8L * (rows + 1), arena);
        long bytes = offsets[f].get(JAVA_LONG_UNALIGNED, 8L * rows);
        values[f] = map(dir.resolve(HistoryLayout.values(f)), bytes, arena);
      } else {
        long size = (long) HistoryLayout.width(types.get(f)) * rows;
        values[f] = map(dir.resolve(HistoryLayout.values(f)), size, arena);
      }
    }
    entities = readKeys(dir.resolve(HistoryLayout.KEYS), table, counts.keys());
  }

  /**
   * Maps a complete copy of {@code table}.
   *
   * @param verify whether to check every file against its checksum (a copy this process did not
   *     just write)
   * @throws IOException when the copy is incomplete, of another table or shape, a file is not the
   *     size its manifest implies or, when verified, does not match its checksum
   */
  static MappedHistory open(Path dir, OfflineTable table, boolean verify) throws IOException {
    HistoryLayout.Counts counts = HistoryLayout.readManifest(dir, table);
    if (verify) {
      HistoryLayout.verify(dir, counts.checksums());
    }
    return new MappedHistory(dir, table, counts);
  }

  int rows() {
    return rows;
  }

  @Override
  public Observation latestAtOrBefore(EntityKey key, Instant asOf) {
    int entity = entities.find(key);
    if (entity < 0) {
      return null;
    }
    long limit = HistoryLayout.floorMicros(asOf);
    int low = starts[entity];
    int high = starts[entity + 1]; // the answer is the last position in [low, high) at or before
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (times.getAtIndex(JAVA_LONG_UNALIGNED, middle) <= limit) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (low == starts[entity]) {
      return null;
    }
    int position = low - 1;
    long micros = times.getAtIndex(JAVA_LONG_UNALIGNED, position);
    int row = order.getAtIndex(JAVA_INT_UNALIGNED, position);
    return new Observation(key, HistoryLayout.instant(micros), values(row));
  }

  private Object[] values(int row) {
    Object[] out = new Object[types.size()];
    for (int f = 0; f < out.length; f++) {
      if ((nulls[f].get(JAVA_BYTE, row >>> 3) & (1 << (row & 7))) == 0) {
        out[f] = value(f, row);
      }
    }
    return out;
  }

  private Object value(int f, int row) {
    MemorySegment column = values[f];
    return switch (types.get(f)) {
      case INT32 -> column.getAtIndex(JAVA_INT_UNALIGNED, row);
      case INT64 -> column.getAtIndex(JAVA_LONG_UNALIGNED, row);
      case FLOAT32 -> column.getAtIndex(JAVA_FLOAT_UNALIGNED, row);
      case FLOAT64 -> column.getAtIndex(JAVA_DOUBLE_UNALIGNED, row);
      case BOOL -> column.get(JAVA_BYTE, row) != 0;
      case TIMESTAMP -> HistoryLayout.instant(column.getAtIndex(JAVA_LONG_UNALIGNED, row));
      case STRING -> {
        long start = offsets[f].getAtIndex(JAVA_LONG_UNALIGNED, row);
        long end = offsets[f].getAtIndex(JAVA_LONG_UNALIGNED, row + 1L);
        yield new String(
            column.asSlice(start, end - start).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
      }
    };
  }

  private static MemorySegment map(Path file, long expectedSize, Arena arena) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      if (size != expectedSize) {
        throw new IOException(file + " holds " + size + " bytes, not " + expectedSize);
      }
      if (size == 0) {
        return MemorySegment.ofArray(new byte[0]);
      }
      return channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
    }
  }

  private static EntityIndex readKeys(Path file, OfflineTable table, int count) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream data = new DataInputStream(in)) {
      return EntityIndex.read(data, table, count, Files.size(file));
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
