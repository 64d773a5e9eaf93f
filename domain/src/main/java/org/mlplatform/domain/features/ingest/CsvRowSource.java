package org.mlplatform.domain.features.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.FeatureRow;

/**
 * CSV text whose header names the columns (any order, features optional). Header problems are
 * reported once, as row 0, and stop reading; blank lines are skipped and not counted as rows.
 */
final class CsvRowSource implements RowSource {

  /** Far above any real row; only there to bound memory when a closing quote is missing. */
  static final int MAX_ROW_CHARS = 1 << 20;

  private final CsvRecordReader reader;
  private final RowValidator validator;
  private final ProblemLog problems;
  private int[] slotOfField;
  private long rowNumber;
  private boolean stopped;
  private FeatureRow current;

  CsvRowSource(Reader csv, RowValidator validator, ProblemLog problems) {
    this.reader = new CsvRecordReader(csv, MAX_ROW_CHARS);
    this.validator = validator;
    this.problems = problems;
  }

  @Override
  public boolean advance() {
    if (stopped || (slotOfField == null && !readHeader())) {
      return false;
    }
    List<String> fields = nextNonBlank();
    if (fields == null) {
      return false;
    }
    rowNumber++;
    current = null;
    if (fields.size() != slotOfField.length) {
      problems.add(
          rowNumber,
          null,
          "expected " + slotOfField.length + " fields as in the header, got " + fields.size());
      return true;
    }
    Object[] raw = new Object[validator.columnCount()];
    for (int i = 0; i < fields.size(); i++) {
      int slot = slotOfField[i];
      String value = fields.get(i);
      // Only text can be empty; for other types a quoted "" means no value, as an empty field.
      raw[slot] =
          value != null && value.isEmpty() && validator.type(slot) != FeatureType.STRING
              ? null
              : value;
    }
    current = validator.toRow(rowNumber, raw);
    return true;
  }

  @Override
  public FeatureRow current() {
    return current;
  }

  private boolean readHeader() {
    List<String> header = nextNonBlank();
    if (header == null) {
      return stop(null, "the CSV has no header row");
    }
    slotOfField = new int[header.size()];
    boolean[] present = new boolean[validator.columnCount()];
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i) == null ? "" : header.get(i).trim();
      int slot = validator.slot(name);
      if (slot < 0) {
        problems.add(0, name, "unknown column; expected " + validator.expectedColumns());
      } else if (present[slot]) {
        problems.add(0, name, "column appears twice in the header");
      } else {
        present[slot] = true;
      }
      slotOfField[i] = slot;
    }
    for (int slot = 0; slot < present.length; slot++) {
      if (validator.isRequired(slot) && !present[slot]) {
        problems.add(0, validator.name(slot), "required column missing from the header");
      }
    }
    stopped = !problems.isEmpty();
    return !stopped;
  }

  private List<String> nextNonBlank() {
    try {
      List<String> fields;
      do {
        fields = reader.next();
      } while (fields != null && fields.isEmpty());
      return fields;
    } catch (CsvRecordReader.MalformedCsvException e) {
      stop(null, e.getMessage());
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the uploaded CSV failed", e);
    }
  }

  private boolean stop(String column, String message) {
    problems.add(slotOfField == null ? 0 : rowNumber + 1, column, message);
    stopped = true;
    return false;
  }
}
