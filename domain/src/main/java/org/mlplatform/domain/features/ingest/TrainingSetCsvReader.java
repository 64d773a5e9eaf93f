package org.mlplatform.domain.features.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import org.mlplatform.domain.features.training.TrainingColumn;

/**
 * Reads back a training-set file written by {@link
 * org.mlplatform.domain.features.training.CsvTrainingSetWriter}, typed by the snapshot's columns,
 * for downloads in other formats.
 */
public final class TrainingSetCsvReader {

  private final CsvRecordReader reader;
  private final List<TrainingColumn> columns;

  /** Opens the file and checks its header against the snapshot's columns. */
  public TrainingSetCsvReader(Reader csv, List<TrainingColumn> columns) {
    this.reader = new CsvRecordReader(csv, Integer.MAX_VALUE);
    this.columns = List.copyOf(columns);
    List<String> header = read();
    if (header == null || !header.equals(columns.stream().map(TrainingColumn::name).toList())) {
      throw new IllegalStateException("the training-set file does not match its description");
    }
  }

  /** The next row's values in column order and canonical types, or null at the end. */
  public Object[] next() {
    List<String> record = read();
    if (record == null) {
      return null;
    }
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = columns.get(i).type().coerce(record.get(i));
    }
    return values;
  }

  private List<String> read() {
    try {
      return reader.next();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvRecordReader.MalformedCsvException e) {
      throw new IllegalStateException("the training-set file is damaged: " + e.getMessage(), e);
    }
  }
}
