package org.mlplatform.workflows.training;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.mlplatform.domain.DomainValidationException;

/**
 * Reads RFC 4180 records the way {@code CsvTrainingSetWriter} writes them: an empty unquoted field
 * is null, {@code ""} is the empty string, quoted fields may hold commas, quotes and line breaks. A
 * file that breaks these rules is a {@link DomainValidationException} on {@code trainingSet}.
 */
final class CsvRecordReader {

  private static final int NONE = -2;

  private final Reader in;
  private final StringBuilder cell = new StringBuilder(32);
  private int pending = NONE;
  private long line = 1;
  private long recordLine = 1;

  CsvRecordReader(Reader in) {
    this.in = in;
  }

  /** The next record's fields, or null at the end of the input. */
  List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    boolean quoted = false;
    cell.setLength(0);
    while (true) {
      if (c == '"' && cell.isEmpty() && !quoted) {
        quoted = true;
        readQuoted();
      } else if (c == ',') {
        fields.add(field(quoted));
        quoted = false;
      } else if (c == '\n' || c == -1) {
        fields.add(field(quoted));
        return fields;
      } else if (c == '\r') {
        int after = read();
        if (after != '\n') {
          pending = after;
        }
        fields.add(field(quoted));
        return fields;
      } else {
        cell.append((char) c);
      }
      c = read();
    }
  }

  /** The line on which the record last returned by {@link #next()} starts, from 1. */
  long recordLine() {
    return recordLine;
  }

  private void readQuoted() throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        throw new DomainValidationException(
            "trainingSet", "line " + recordLine + ": a quoted field is not closed");
      }
      if (c == '"') {
        int after = read();
        if (after != '"') {
          pending = after;
          return;
        }
      }
      cell.append((char) c);
    }
  }

  private String field(boolean quoted) {
    String value = cell.isEmpty() && !quoted ? null : cell.toString();
    cell.setLength(0);
    return value;
  }

  private int read() throws IOException {
    int c;
    if (pending != NONE) {
      c = pending;
      pending = NONE;
      return c;
    }
    c = in.read();
    if (c == '\n') {
      line++;
    }
    return c;
  }
}
