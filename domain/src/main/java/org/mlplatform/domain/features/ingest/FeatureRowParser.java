package org.mlplatform.domain.features.ingest;

import java.io.Reader;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * Reads an upload as validated rows of one view version, one row at a time.
 *
 * <p>Columns are the join keys, {@code event_timestamp} (ISO-8601 with an offset) and any of the
 * features; a feature left out is null, an unknown column, a value of the wrong type or a missing
 * join key or timestamp is a problem. Uploads are all or nothing, so rows are handed out only while
 * no problem has been seen; after the first one the rest is still checked (to report up to the
 * problem limit) and the iteration then ends by throwing {@link RowsRejectedException}. Handing
 * this parser straight to {@link org.mlplatform.domain.features.offline.OfflineStore#write} thus
 * validates and writes in one pass, and the store's transaction rolls back on a bad upload.
 *
 * <p>Not thread-safe; read it once.
 */
public final class FeatureRowParser implements Iterator<FeatureRow> {

  /** How many problems are reported before reading stops. */
  public static final int DEFAULT_PROBLEM_LIMIT = 100;

  private final RowSource source;
  private final ProblemLog problems;
  private FeatureRow next;
  private boolean finished;
  private long rowsRead;

  private FeatureRowParser(RowSource source, ProblemLog problems) {
    this.source = source;
    this.problems = problems;
  }

  /** Rows given as maps from column name to a JSON-like value (String, Number, Boolean, null). */
  public static FeatureRowParser fromMaps(
      OfflineTable table, Iterator<? extends Map<String, ?>> rows) {
    return fromMaps(table, rows, DEFAULT_PROBLEM_LIMIT);
  }

  public static FeatureRowParser fromMaps(
      OfflineTable table, Iterator<? extends Map<String, ?>> rows, int problemLimit) {
    ProblemLog problems = new ProblemLog(problemLimit);
    return new FeatureRowParser(
        new MapRowSource(rows, new RowValidator(table, problems), problems), problems);
  }

  /** RFC 4180 CSV text with a header row; an empty field is null. The caller closes the reader. */
  public static FeatureRowParser fromCsv(OfflineTable table, Reader csv) {
    return fromCsv(table, csv, DEFAULT_PROBLEM_LIMIT);
  }

  public static FeatureRowParser fromCsv(OfflineTable table, Reader csv, int problemLimit) {
    ProblemLog problems = new ProblemLog(problemLimit);
    return new FeatureRowParser(
        new CsvRowSource(csv, new RowValidator(table, problems), problems), problems);
  }

  /**
   * @throws RowsRejectedException at the end of the input (or at the problem limit) when any row
   *     had a problem
   */
  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    while (!finished) {
      if (problems.overflowing() || !source.advance()) {
        finished = true;
      } else {
        rowsRead++;
        FeatureRow row = source.current();
        if (row != null && problems.isEmpty()) {
          next = row;
          return true;
        }
      }
    }
    if (!problems.isEmpty()) {
      throw problems.rejection();
    }
    return false;
  }

  @Override
  public FeatureRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    FeatureRow row = next;
    next = null;
    return row;
  }

  /**
   * Reads the rest of the input without handing out rows, for a validation pass before a write.
   *
   * @return every problem found (up to the limit); empty when the whole input is valid
   */
  public List<RowProblem> validateAll() {
    try {
      while (hasNext()) {
        next();
      }
      return List.of();
    } catch (RowsRejectedException e) {
      return e.problems();
    }
  }

  /** The data rows read so far, valid or not. */
  public long rowsRead() {
    return rowsRead;
  }

  /** The problems found so far (up to the limit). */
  public List<RowProblem> problems() {
    return problems.list();
  }
}
