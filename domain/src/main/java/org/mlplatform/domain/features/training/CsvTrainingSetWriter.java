package org.mlplatform.domain.features.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.mlplatform.domain.io.CsvCells;

/**
 * Writes a training set as RFC 4180 CSV with a header: timestamps in ISO-8601 UTC, numbers in
 * Java's shortest round-trip form, an empty unquoted field for null and {@code ""} for the empty
 * string (the convention the ingest side reads back).
 */
public final class CsvTrainingSetWriter implements TrainingSetSink {

  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);

  public CsvTrainingSetWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void start(List<TrainingColumn> columns) {
    line.setLength(0);
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(columns.get(i).name()); // resource names and join keys need no quoting
    }
    flushLine();
  }

  @Override
  public void row(Object[] values) {
    line.setLength(0);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      append(values[i]);
    }
    flushLine();
  }

  private void append(Object value) {
    switch (value) {
      case null -> {}
      case String s -> appendText(s);
      default -> line.append(value);
    }
  }

  private void appendText(String s) {
    line.append(CsvCells.field(s));
  }

  private void flushLine() {
    line.append('\n');
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
