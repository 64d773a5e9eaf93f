package org.mlplatform.persistence.offline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.FeatureRow;

/**
 * Rows in PostgreSQL's COPY text format, encoded straight into a growing UTF-8 byte buffer:
 * tab-separated, {@code \N} for null, backslash escapes for tab, line breaks and backslash;
 * timestamps ISO-8601 in UTC, to the microsecond.
 *
 * <p>Every number is spelled so that PostgreSQL reads back the very same float or double. A double
 * that is a short decimal (nearly every measured value) is written as that decimal, found with a
 * few multiplications: {@code m / 10^k} with {@code m} below 2<sup>53</sup> is the correctly
 * rounded value of the text, as PostgreSQL's parser rounds it. Other doubles, and all floats, take
 * Java's shortest round-trip spelling.
 */
final class PgCopyText {

  private static final byte[] NULL = {'\\', 'N'};

  /** Integers below this are exact as doubles. */
  private static final double EXACT_DOUBLE_LIMIT = 0x1p53;

  /** Decimal places tried for the short spelling of a double. */
  private static final int MAX_DECIMALS = 17;

  /** The seconds of the years 0001 to 9999, which fit the four-digit spelling. */
  private static final long FIRST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();

  private static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  private static final double[] DOUBLE_POWERS = new double[MAX_DECIMALS + 1];
  private static final long[] LONG_POWERS = new long[MAX_DECIMALS + 1];

  static {
    for (int i = 0; i <= MAX_DECIMALS; i++) {
      DOUBLE_POWERS[i] = i == 0 ? 1 : DOUBLE_POWERS[i - 1] * 10;
      LONG_POWERS[i] = i == 0 ? 1 : LONG_POWERS[i - 1] * 10;
    }
  }

  private final FeatureType[] types;
  private final int keys;
  private byte[] bytes;
  private int length;

  /** The last timestamp written and its text: rows of one upload often share their time. */
  private long lastSecond = Long.MIN_VALUE;

  private int lastMicros;
  private byte[] lastTimestamp;

  private Instant ingestedAt;
  private byte[] ingestedAtText;

  PgCopyText(OfflineSql sql, int initialCapacity) {
    this.types = sql.types().toArray(FeatureType[]::new);
    this.keys = sql.table().joinKeys().size();
    this.bytes = new byte[Math.max(initialCapacity, 64)];
  }

  /** Appends a staging table's line: the sequence number, then the columns in stored order. */
  void appendStageRow(long seq, FeatureRow row) {
    appendLong(seq);
    put((byte) '\t');
    appendColumns(row);
    put((byte) '\n');
  }

  /** Appends a view table's line: the columns in stored order, then the ingestion time. */
  void appendTableRow(FeatureRow row, Instant ingestedAt) {
    appendColumns(row);
    put((byte) '\t');
    if (!ingestedAt.equals(this.ingestedAt)) { // the same for every row of a write
      this.ingestedAt = ingestedAt;
      ingestedAtText = timestamp(ingestedAt.getEpochSecond(), ingestedAt.getNano() / 1_000);
    }
    put(ingestedAtText);
    put((byte) '\n');
  }

  private void appendColumns(FeatureRow row) {
    List<Object> keyValues = row.key().values();
    for (int i = 0; i < keys; i++) {
      appendValue(types[i], keyValues.get(i));
      put((byte) '\t');
    }
    appendTimestamp(row.eventTime());
    for (int i = 0; i < row.valueCount(); i++) {
      put((byte) '\t');
      appendValue(types[keys + 1 + i], row.value(i));
    }
  }

  /** The bytes written since the last {@link #clear()}: {@code bytes()[0 .. length())}. */
  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  void clear() {
    length = 0;
  }

  /** What was written, as text (for tests). */
  String text() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  void appendValue(FeatureType type, Object value) {
    if (value == null) {
      put(NULL);
      return;
    }
    switch (type) {
      case INT32 -> appendLong((Integer) value);
      case INT64 -> appendLong((Long) value);
      case FLOAT32 -> putAscii(Float.toString((Float) value)); // NaN and Infinity are valid input
      case FLOAT64 -> appendDouble((Double) value);
      case BOOL -> put((byte) ((Boolean) value ? 't' : 'f'));
      case TIMESTAMP -> appendTimestamp((Instant) value);
      case STRING -> appendEscaped((String) value);
    }
  }

  private void appendDouble(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      putAscii(Double.toString(value));
      return;
    }
    double magnitude = value;
    if (Double.doubleToRawLongBits(value) < 0) { // negative, -0.0 included
      put((byte) '-');
      magnitude = -value;
    }
    for (int decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
      double scaled = Math.rint(magnitude * DOUBLE_POWERS[decimals]);
      if (scaled >= EXACT_DOUBLE_LIMIT) {
        break;
      }
      if (scaled / DOUBLE_POWERS[decimals] == magnitude) {
        appendDecimal((long) scaled, decimals);
        return;
      }
    }
    putAscii(Double.toString(magnitude));
  }

  /** {@code unscaled / 10^decimals} in plain decimal notation. */
  private void appendDecimal(long unscaled, int decimals) {
    if (decimals == 0) {
      appendLong(unscaled);
      return;
    }
    long power = LONG_POWERS[decimals];
    appendLong(unscaled / power);
    put((byte) '.');
    long fraction = unscaled % power;
    for (long p = power / 10; p > fraction && p > 1; p /= 10) {
      put((byte) '0');
    }
    appendLong(fraction);
  }

  private void appendLong(long value) {
    if (value == Long.MIN_VALUE) {
      putAscii(Long.toString(value));
      return;
    }
    if (value < 0) {
      put((byte) '-');
      value = -value;
    }
    int digits = 1;
    for (long p = 10; digits < 19 && value >= p; p *= 10) {
      digits++;
    }
    ensure(digits);
    for (int i = length + digits - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.ffffff]Z}, truncated to microseconds like the columns. */
  private void appendTimestamp(Instant value) {
    long second = value.getEpochSecond();
    int micros = value.getNano() / 1_000;
    if (second != lastSecond || micros != lastMicros || lastTimestamp == null) {
      lastTimestamp = timestamp(second, micros);
      lastSecond = second;
      lastMicros = micros;
    }
    put(lastTimestamp);
  }

  private static byte[] timestamp(long epochSecond, int micros) {
    if (epochSecond < FIRST_SECOND || epochSecond > LAST_SECOND) { // the database refuses it
      return Instant.ofEpochSecond(epochSecond, micros * 1_000L)
          .toString()
          .getBytes(StandardCharsets.US_ASCII);
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
    byte[] text = new byte[micros == 0 ? 20 : 27];
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, secondOfDay / 3600, 2);
    text[13] = ':';
    digits(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, secondOfDay % 60, 2);
    if (micros != 0) {
      text[19] = '.';
      digits(text, 20, micros, 6);
    }
    text[text.length - 1] = 'Z';
    return text;
  }

  /** {@code value} (non-negative) in exactly {@code width} digits at {@code offset}. */
  private static void digits(byte[] text, int offset, int value, int width) {
    for (int i = offset + width - 1; i >= offset; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  private void appendEscaped(String text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        appendEscapedUtf8(text, i);
        return;
      }
      switch (c) {
        case '\\' -> put2('\\', '\\');
        case '\t' -> put2('\\', 't');
        case '\n' -> put2('\\', 'n');
        case '\r' -> put2('\\', 'r');
        default -> put((byte) c);
      }
    }
  }

  /** The rest of a text from its first non-ASCII character on: escaped, then UTF-8 encoded. */
  private void appendEscapedUtf8(String text, int from) {
    StringBuilder rest = new StringBuilder(text.length() - from + 8);
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> rest.append("\\\\");
        case '\t' -> rest.append("\\t");
        case '\n' -> rest.append("\\n");
        case '\r' -> rest.append("\\r");
        default -> rest.append(c);
      }
    }
    put(rest.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void putAscii(String text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length++] = (byte) text.charAt(i);
    }
  }

  private void put2(char a, char b) {
    ensure(2);
    bytes[length++] = (byte) a;
    bytes[length++] = (byte) b;
  }

  private void put(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  private void put(byte[] more) {
    ensure(more.length);
    System.arraycopy(more, 0, bytes, length, more.length);
    length += more.length;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
