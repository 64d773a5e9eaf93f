package org.mlplatform.domain.features.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time: comma-separated fields, optionally in double quotes, {@code
 * ""} for a quote inside quotes, line breaks (CRLF, LF or CR) inside quotes kept, a byte-order mark
 * at the start ignored. A record longer than a limit is refused so a missing closing quote cannot
 * pull a whole upload into memory.
 *
 * <p>An unquoted empty field reads as {@code null} and a quoted one ({@code ""}) as the empty
 * string, the convention PostgreSQL's COPY uses to tell "no value" from "empty text".
 */
public final class CsvRecordReader {

  /** The input is not well-formed CSV; reading cannot resynchronise after this. */
  public static final class MalformedCsvException extends Exception {
    MalformedCsvException(String message) {
      super(message);
    }
  }

  private static final int EOF = -1;

  private final Reader in;
  private final int maxRecordChars;
  private final char[] buffer = new char[16 * 1024];
  private final StringBuilder field = new StringBuilder();
  private int position;
  private int limit;
  private boolean started;
  private int recordChars;
  private int ended;

  public CsvRecordReader(Reader in, int maxRecordChars) {
    this.in = in;
    this.maxRecordChars = maxRecordChars;
  }

  /** The next record's fields; an empty list for a blank line; {@code null} at the end of input. */
  public List<String> next() throws IOException, MalformedCsvException {
    int c = read();
    if (!started) {
      started = true;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    if (c == EOF) {
      return null;
    }
    if (c == '\n' || c == '\r') {
      endOfLine(c);
      return List.of();
    }
    recordChars = 0;
    List<String> fields = new ArrayList<>();
    while (true) {
      if (c == '"') {
        field.setLength(0);
        c = readQuoted();
        fields.add(field.toString());
      } else {
        fields.add(readUnquoted(c));
        c = ended;
      }
      if (c != ',') {
        endOfLine(c);
        return fields;
      }
      c = read();
    }
  }

  /**
   * Reads an unquoted field whose first character, {@code first}, was the last one read; returns it
   * ({@code null} when empty) and leaves the character that ended it in {@link #ended}. A field
   * that lies within the buffer (nearly all do) becomes a string in one step.
   */
  private String readUnquoted(int first) throws IOException, MalformedCsvException {
    if (first == ',' || first == '\n' || first == '\r' || first == EOF) {
      ended = first;
      return null;
    }
    int start = position - 1; // where first is
    for (int i = position; i < limit; i++) {
      char c = buffer[i];
      if (c == ',' || c == '\n' || c == '\r') {
        count(i - start);
        position = i + 1;
        ended = c;
        return new String(buffer, start, i - start);
      }
    }
    // The field runs on past the buffer: collect it piece by piece.
    field.setLength(0);
    count(limit - start);
    field.append(buffer, start, limit - start);
    position = limit;
    int c = read();
    while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
      append(c); // a stray quote inside an unquoted field is kept as text
      c = read();
    }
    ended = c;
    return field.toString();
  }

  /** Reads a quoted field after its opening quote; returns the character after the closing one. */
  private int readQuoted() throws IOException, MalformedCsvException {
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new MalformedCsvException("a quoted field is not closed before the end of the input");
      }
      if (c == '"') {
        c = read();
        if (c != '"') {
          if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
            throw new MalformedCsvException(
                "unexpected text after a closing quote; write a quote inside quotes as \"\"");
          }
          return c;
        }
      }
      append(c);
    }
  }

  private void append(int c) throws MalformedCsvException {
    count(1);
    field.append((char) c);
  }

  private void count(int chars) throws MalformedCsvException {
    recordChars += chars;
    if (recordChars > maxRecordChars) {
      throw new MalformedCsvException("a row is longer than " + maxRecordChars + " characters");
    }
  }

  /** Consumes the LF of a CRLF pair. */
  private void endOfLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      position++;
    }
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = in.read(buffer, 0, buffer.length);
    }
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }
}
