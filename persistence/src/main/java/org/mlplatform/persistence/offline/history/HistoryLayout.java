package org.mlplatform.persistence.offline.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * The files of one table's copy and its manifest. Rows are numbered in the order they were read;
 * {@code rows.bin} lists them grouped by entity ({@code starts.bin}, in {@code keys.bin}'s order)
 * and by event time within an entity ({@code times.bin}, microseconds). Each feature has its values
 * by row number, a null bitmap and, for strings, the end offset of each value.
 */
final class HistoryLayout {

  static final String MANIFEST = "manifest.properties";
  static final String KEYS = "keys.bin";
  static final String STARTS = "starts.bin";
  static final String TIMES = "times.bin";
  static final String ROWS = "rows.bin";
  private static final String FORMAT = "1";
  private static final String CRC = "crc.";

  private HistoryLayout() {}

  static String values(int feature) {
    return "values-" + feature + ".bin";
  }

  static String nulls(int feature) {
    return "nulls-" + feature + ".bin";
  }

  static String offsets(int feature) {
    return "offsets-" + feature + ".bin";
  }

  /** Bytes per value of a fixed-width type; strings are variable. */
  static int width(FeatureType type) {
    return switch (type) {
      case INT32, FLOAT32 -> 4;
      case INT64, FLOAT64, TIMESTAMP -> 8;
      case BOOL -> 1;
      case STRING -> 0;
    };
  }

  static long nullBytes(long rows) {
    return (rows + 7) / 8;
  }

  /** The stored column types, keys first, which the manifest must match to be read. */
  static String shape(OfflineTable table) {
    StringBuilder shape = new StringBuilder();
    table.joinKeys().forEach(k -> shape.append(k.type()).append(','));
    shape.append(FeatureType.TIMESTAMP);
    table.features().forEach(f -> shape.append(',').append(f.type()));
    return shape.toString();
  }

  static List<FeatureType> featureTypes(OfflineTable table) {
    return table.features().stream().map(f -> f.type()).collect(Collectors.toList());
  }

  /** Written last: a copy without it is incomplete. */
  static void writeManifest(
      Path dir, OfflineTable table, int rows, int keys, Map<String, Long> checksums)
      throws IOException {
    Properties manifest = new Properties();
    manifest.setProperty("format", FORMAT);
    manifest.setProperty("byteOrder", ByteOrder.nativeOrder().toString());
    manifest.setProperty("table", table.tableName());
    manifest.setProperty("shape", shape(table));
    manifest.setProperty("rows", Integer.toString(rows));
    manifest.setProperty("keys", Integer.toString(keys));
    checksums.forEach((file, crc) -> manifest.setProperty(CRC + file, Long.toHexString(crc)));
    try (OutputStream out = Files.newOutputStream(dir.resolve(MANIFEST))) {
      manifest.store(out, "offline history copy");
    }
  }

  /** Row and key counts from a manifest that fits the table, and its files' CRC-32Cs. */
  record Counts(int rows, int keys, Map<String, Long> checksums) {}

  static Counts readManifest(Path dir, OfflineTable table) throws IOException {
    Properties manifest = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve(MANIFEST))) {
      manifest.load(in);
    }
    if (!FORMAT.equals(manifest.getProperty("format"))
        || !ByteOrder.nativeOrder().toString().equals(manifest.getProperty("byteOrder"))
        || !table.tableName().equals(manifest.getProperty("table"))
        || !shape(table).equals(manifest.getProperty("shape"))) {
      throw new IOException("the copy in " + dir + " is of another format or table");
    }
    try {
      Map<String, Long> checksums = new TreeMap<>();
      for (String key : manifest.stringPropertyNames()) {
        if (key.startsWith(CRC)) {
          checksums.put(
              key.substring(CRC.length()), Long.parseUnsignedLong(manifest.getProperty(key), 16));
        }
      }
      return new Counts(
          Integer.parseInt(manifest.getProperty("rows")),
          Integer.parseInt(manifest.getProperty("keys")),
          checksums);
    } catch (NumberFormatException e) {
      throw new IOException("the manifest in " + dir + " has no counts", e);
    }
  }

  /**
   * Checks that the directory holds exactly the manifest's files with their CRC-32Cs: what a crash
   * may leave of files that were never synced.
   */
  static void verify(Path dir, Map<String, Long> checksums) throws IOException {
    Set<String> present;
    try (Stream<Path> files = Files.list(dir)) {
      present = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
    }
    present.remove(MANIFEST);
    if (!present.equals(checksums.keySet())) {
      throw new IOException(
          dir + " holds " + present + ", its manifest names " + checksums.keySet());
    }
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    for (Map.Entry<String, Long> file : checksums.entrySet()) {
      CRC32C crc = new CRC32C();
      try (FileChannel channel = FileChannel.open(dir.resolve(file.getKey()))) {
        while (channel.read(buffer.clear()) >= 0) {
          crc.update(buffer.flip());
        }
      }
      if (crc.getValue() != file.getValue()) {
        throw new IOException(dir.resolve(file.getKey()) + " does not match its checksum");
      }
    }
  }

  /** Microseconds since the epoch of a stored event time (the store keeps microseconds). */
  static long micros(Instant time) {
    return Math.addExact(
        Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
  }

  /** The latest microsecond at or before {@code time}, saturated for instants out of range. */
  static long floorMicros(Instant time) {
    try {
      return micros(time);
    } catch (ArithmeticException e) {
      return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
