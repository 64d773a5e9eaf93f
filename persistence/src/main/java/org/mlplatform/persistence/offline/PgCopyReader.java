package org.mlplatform.persistence.offline;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.mlplatform.domain.features.AsOfJoin.Observation;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.LookaheadCursor;
import org.mlplatform.domain.features.offline.OfflineStoreException;
import org.mlplatform.domain.features.offline.RowFilter;
import org.mlplatform.persistence.offline.history.RowSink;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Reads a range scan from PostgreSQL with {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)} and
 * decodes the rows in place: the JDBC path allocated a buffer per field and a calendar per
 * timestamp, which made decoding cost more than the database's own scan (TrainingSetBenchmark). The
 * key and event time of a row are decoded first; the values only when the filter wants them.
 *
 * <p>COPY takes no bind parameters, so the time bounds are written into the statement; they are
 * instants formatted here, never caller text. Text columns arrive in the server's encoding, so
 * {@link #usable(Connection)} allows this path on UTF-8 databases only.
 */
final class PgCopyReader extends LookaheadCursor<Observation> {

  private static final byte[] SIGNATURE =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final VarHandle INT16 =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT32 =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final long PG_EPOCH_SECONDS =
      Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
  private static final long PG_EPOCH_MICROS = PG_EPOCH_SECONDS * 1_000_000L;

  private final Connection connection;
  private final InputStream copy;
  private final List<FeatureType> types;
  private final int keys;
  private final RowFilter filter;
  private byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean closed;

  private PgCopyReader(Connection connection, InputStream copy, OfflineSql sql, RowFilter filter) {
    this.connection = connection;
    this.copy = copy;
    this.types = sql.types();
    this.keys = sql.table().joinKeys().size();
    this.filter = filter;
  }

  /** Whether the connection is PostgreSQL's (possibly wrapped) and the database stores UTF-8. */
  static boolean usable(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(PGConnection.class)) {
      return false;
    }
    try (Statement statement = connection.createStatement();
        var result = statement.executeQuery("SHOW server_encoding")) {
      return result.next() && "UTF8".equalsIgnoreCase(result.getString(1));
    }
  }

  /** Starts the COPY on {@code connection}, which the reader then owns and closes. */
  static PgCopyReader open(
      Connection connection, OfflineSql sql, Instant from, Instant upTo, RowFilter filter)
      throws SQLException, IOException {
    String query =
        "COPY ("
            + sql.scanRange().replaceFirst("\\?", literal(from)).replaceFirst("\\?", literal(upTo))
            + ") TO STDOUT (FORMAT binary)";
    PGCopyInputStream stream = new PGCopyInputStream(connection.unwrap(PGConnection.class), query);
    PgCopyReader reader = new PgCopyReader(connection, stream, sql, filter);
    reader.header();
    return reader;
  }

  private static String literal(Instant instant) {
    return "'" + ColumnCodec.bound(instant) + "'";
  }

  private void header() throws IOException {
    fill(SIGNATURE.length + 8);
    if (!Arrays.equals(buffer, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new IOException("not a binary COPY stream");
    }
    position = SIGNATURE.length + 4; // the flags field: no OIDs in PostgreSQL 12 and later
    int extension = readInt32();
    skip(extension);
  }

  @Override
  protected Observation fetch() {
    if (closed) { // closed early by the reader
      end();
      return null;
    }
    try {
      return readRow();
    } catch (IOException e) {
      throw new OfflineStoreException("reading the offline store failed: " + e.getMessage(), e);
    }
  }

  /** The next row, null when the filter skipped it or the stream ended. */
  private Observation readRow() throws IOException {
    EntityKey entity = readKey();
    if (entity == null) {
      return null;
    }
    Instant eventTime = (Instant) readValue(FeatureType.TIMESTAMP);
    int stored = types.size() - keys - 1;
    if (!filter.wants(entity, eventTime)) {
      for (int i = 0; i < stored; i++) {
        skip(readInt32());
      }
      return null;
    }
    Object[] values = new Object[stored];
    for (int i = 0; i < stored; i++) {
      values[i] = readValue(types.get(keys + 1 + i));
    }
    return new Observation(entity, eventTime, values);
  }

  /** Starts the next row and reads its key; null, ending the cursor, after the last row. */
  private EntityKey readKey() throws IOException {
    fill(2);
    short fields = (short) INT16.get(buffer, position);
    position += 2;
    if (fields == -1) {
      end();
      return null;
    }
    if (fields != types.size()) {
      throw new IOException("expected " + types.size() + " columns, got " + fields);
    }
    Object[] key = new Object[keys];
    for (int i = 0; i < keys; i++) {
      key[i] = readValue(types.get(i));
    }
    return EntityKey.of(key);
  }

  /**
   * Hands every remaining row to {@code sink} as it decodes it, without objects for the values (the
   * whole table, for a local copy); text stays UTF-8, as the server sends it.
   *
   * @return false when the sink was full before the last row
   */
  boolean copyTo(RowSink sink) throws IOException {
    while (true) {
      EntityKey key = readKey();
      if (key == null) {
        return true;
      }
      if (readInt32() != 8) {
        throw new IOException("an event time that is not 8 bytes");
      }
      fill(8);
      long micros = (long) INT64.get(buffer, position) + PG_EPOCH_MICROS;
      position += 8;
      if (!sink.startRow(key, micros)) {
        return false;
      }
      for (int i = keys + 1; i < types.size(); i++) {
        copyValue(types.get(i), sink);
      }
    }
  }

  private void copyValue(FeatureType type, RowSink sink) throws IOException {
    int length = readInt32();
    if (length < 0) {
      sink.putNull();
      return;
    }
    fill(length);
    int at = position;
    position += length;
    switch (type) {
      case INT32 -> sink.putInt((int) INT32.get(buffer, at));
      case INT64 -> sink.putLong((long) INT64.get(buffer, at));
      case FLOAT32 -> sink.putFloat(Float.intBitsToFloat((int) INT32.get(buffer, at)));
      case FLOAT64 -> sink.putDouble(Double.longBitsToDouble((long) INT64.get(buffer, at)));
      case STRING -> sink.putUtf8(buffer, at, length);
      case BOOL -> sink.putBool(buffer[at] != 0);
      case TIMESTAMP -> sink.putMicros((long) INT64.get(buffer, at) + PG_EPOCH_MICROS);
    }
  }

  private Object readValue(FeatureType type) throws IOException {
    int length = readInt32();
    if (length < 0) {
      return null;
    }
    fill(length);
    int at = position;
    position += length;
    return switch (type) {
      case INT32 -> (int) INT32.get(buffer, at);
      case INT64 -> (long) INT64.get(buffer, at);
      case FLOAT32 -> Float.intBitsToFloat((int) INT32.get(buffer, at));
      case FLOAT64 -> Double.longBitsToDouble((long) INT64.get(buffer, at));
      case STRING -> new String(buffer, at, length, StandardCharsets.UTF_8);
      case BOOL -> buffer[at] != 0;
      case TIMESTAMP -> {
        long micros = (long) INT64.get(buffer, at);
        yield Instant.ofEpochSecond(
            PG_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
            Math.floorMod(micros, 1_000_000L) * 1_000L);
      }
    };
  }

  private int readInt32() throws IOException {
    fill(4);
    int value = (int) INT32.get(buffer, position);
    position += 4;
    return value;
  }

  private void skip(int length) throws IOException {
    if (length > 0) {
      fill(length);
      position += length;
    }
  }

  /** Makes at least {@code count} unread bytes available in the buffer. */
  private void fill(int count) throws IOException {
    if (limit - position >= count) {
      return;
    }
    int unread = limit - position;
    if (count > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(count, buffer.length * 2));
    }
    System.arraycopy(buffer, position, buffer, 0, unread);
    position = 0;
    limit = unread;
    while (limit < count) {
      int read = copy.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        throw new IOException("the COPY stream ended inside a row");
      }
      limit += read;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (connection) {
      copy.close(); // cancels the COPY if it has not finished
    } catch (IOException | SQLException e) {
      throw new OfflineStoreException("closing an offline-store COPY failed", e);
    }
  }
}
