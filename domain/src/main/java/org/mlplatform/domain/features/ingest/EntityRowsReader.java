package org.mlplatform.domain.features.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.training.EntityRows;

/**
 * Reads the entity rows of a training-set request from CSV (a header, then rows) or from JSON
 * objects. Every row needs a valid {@code event_timestamp}; other values are kept raw for the
 * builder to type. All problems are reported together with row numbers, nothing half-read.
 */
public final class EntityRowsReader {

  private static final String TIME = FeatureViewDefinition.EVENT_TIMESTAMP;
  private static final int MAX_PROBLEMS = 100;

  private final int maxRows;

  /**
   * @param maxRows the most rows accepted; beyond it the request is refused as too large
   */
  public EntityRowsReader(int maxRows) {
    this.maxRows = maxRows;
  }

  public EntityRows fromCsv(Reader csv) {
    CsvRecordReader reader = new CsvRecordReader(csv, CsvRowSource.MAX_ROW_CHARS);
    try {
      List<String> header = reader.next();
      if (header == null || header.isEmpty()) {
        throw new DomainValidationException("entity_rows", "the CSV has no header row");
      }
      int timeColumn = header.indexOf(TIME);
      List<String> columns = new ArrayList<>(header);
      checkHeader(columns, timeColumn);
      columns.remove(timeColumn);
      Collector rows = new Collector(columns);
      List<String> record;
      while ((record = reader.next()) != null) {
        if (record.isEmpty()) {
          continue; // blank line
        }
        int rowNumber = rows.nextRowNumber();
        if (record.size() != header.size()) {
          rows.problem(
              rowNumber, null, "has " + record.size() + " fields, the header has " + header.size());
          continue;
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0, c = 0; i < record.size(); i++) {
          if (i != timeColumn) {
            values[c++] = record.get(i);
          }
        }
        rows.add(rowNumber, record.get(timeColumn), values);
      }
      return rows.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvRecordReader.MalformedCsvException e) {
      throw new DomainValidationException("entity_rows", "malformed CSV: " + e.getMessage());
    }
  }

  /** Rows as JSON objects: flat values only; columns are the union of keys, first seen first. */
  public EntityRows fromMaps(List<Map<String, Object>> objects) {
    Map<String, Integer> columnIndexes = new LinkedHashMap<>();
    for (Map<String, Object> object : objects) {
      if (object == null) {
        continue;
      }
      for (String key : object.keySet()) {
        if (!key.equals(TIME)) {
          columnIndexes.putIfAbsent(key, columnIndexes.size());
        }
      }
    }
    List<String> columns = new ArrayList<>(columnIndexes.keySet());
    checkHeader(withTime(columns), columns.size());
    Collector rows = new Collector(columns);
    for (Map<String, Object> object : objects) {
      int rowNumber = rows.nextRowNumber();
      if (object == null) {
        rows.problem(rowNumber, null, "is null, expected an object");
        continue;
      }
      Object[] values = new Object[columns.size()];
      boolean flat = true;
      for (Map.Entry<String, Object> entry : object.entrySet()) {
        if (entry.getValue() instanceof Map || entry.getValue() instanceof List) {
          rows.problem(rowNumber, entry.getKey(), "must be a plain value, not an object or array");
          flat = false;
        } else if (!entry.getKey().equals(TIME)) {
          values[columnIndexes.get(entry.getKey())] = entry.getValue();
        }
      }
      if (flat) {
        rows.add(rowNumber, object.get(TIME), values);
      }
    }
    return rows.finish();
  }

  private static List<String> withTime(List<String> columns) {
    List<String> all = new ArrayList<>(columns);
    all.add(TIME);
    return all;
  }

  private static void checkHeader(List<String> header, int timeColumn) {
    if (timeColumn < 0 || !header.contains(TIME)) {
      throw new DomainValidationException(
          "entity_rows", "the entity rows need an " + TIME + " column (ISO-8601)");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name == null || name.isBlank()) {
        throw new DomainValidationException("entity_rows", "column " + (i + 1) + " has no name");
      }
      if (name.length() > 200) {
        throw new DomainValidationException(
            "entity_rows", "column " + (i + 1) + " has a name over 200 characters");
      }
      if (seen.put(name, i) != null) {
        throw new DomainValidationException("entity_rows", "column " + name + " appears twice");
      }
    }
  }

  /** Accumulates rows and problems, refusing more than {@code maxRows}. */
  private final class Collector {
    private final List<String> columns;
    private final List<Instant> times = new ArrayList<>();
    private final List<Object[]> values = new ArrayList<>();
    private final ProblemLog problems = new ProblemLog(MAX_PROBLEMS);
    private int rowNumber;

    Collector(List<String> columns) {
      this.columns = columns;
    }

    int nextRowNumber() {
      rowNumber++;
      if (rowNumber > maxRows) {
        throw new DomainValidationException(
            "entity_rows", "more than " + maxRows + " entity rows; split the request");
      }
      return rowNumber;
    }

    void problem(int row, String column, String message) {
      problems.add(row, column, message);
    }

    void add(int row, Object time, Object[] rowValues) {
      Instant instant;
      try {
        instant = (Instant) FeatureType.TIMESTAMP.coerce(time);
      } catch (IllegalArgumentException e) {
        problem(row, TIME, e.getMessage());
        return;
      }
      if (instant == null) {
        problem(row, TIME, "every entity row needs an " + TIME);
        return;
      }
      times.add(instant);
      values.add(rowValues);
    }

    EntityRows finish() {
      if (!problems.isEmpty()) {
        throw new RowsRejectedException(problems.list(), problems.overflowing());
      }
      if (times.isEmpty()) {
        throw new DomainValidationException("entity_rows", "there are no entity rows");
      }
      return new EntityRows(columns, times, values);
    }
  }
}
