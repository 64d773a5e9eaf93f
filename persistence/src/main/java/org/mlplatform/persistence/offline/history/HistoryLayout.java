package org.mlplatform.persistence.offline.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
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
  static void writeManifest(Path dir, OfflineTable table, int rows, int keys) throws IOException {
    Properties manifest = new Properties();
    manifest.setProperty("format", FORMAT);
    manifest.setProperty("byteOrder", ByteOrder.nativeOrder().toString());
    manifest.setProperty("table", table.tableName());
    manifest.setProperty("shape", shape(table));
    manifest.setProperty("rows", Integer.toString(rows));
    manifest.setProperty("keys", Integer.toString(keys));
    try (OutputStream out = Files.newOutputStream(dir.resolve(MANIFEST))) {
      manifest.store(out, "offline history copy");
    }
  }

  /** Row and key counts from a manifest that fits the table. */
  record Counts(int rows, int keys) {}

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
      return new Counts(
          Integer.parseInt(manifest.getProperty("rows")),
          Integer.parseInt(manifest.getProperty("keys")));
    } catch (NumberFormatException e) {
      throw new IOException("the manifest in " + dir + " has no counts", e);
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
