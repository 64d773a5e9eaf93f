package org.mlplatform.domain.features.ingest;

import java.util.Iterator;
import java.util.Map;
import org.mlplatform.domain.features.offline.FeatureRow;

/** Rows given as name-to-value maps, such as the objects of a JSON array. */
final class MapRowSource implements RowSource {

  private final Iterator<? extends Map<String, ?>> rows;
  private final RowValidator validator;
  private final ProblemLog problems;
  private long rowNumber;
  private FeatureRow current;

  MapRowSource(
      Iterator<? extends Map<String, ?>> rows, RowValidator validator, ProblemLog problems) {
    this.rows = rows;
    this.validator = validator;
    this.problems = problems;
  }

  @Override
  public boolean advance() {
    if (!rows.hasNext()) {
      return false;
    }
    Map<String, ?> row = rows.next();
    rowNumber++;
    if (row == null) {
      problems.add(rowNumber, null, "expected an object with the row's columns");
      current = null;
      return true;
    }
    Object[] raw = new Object[validator.columnCount()];
    boolean known = true;
    for (Map.Entry<String, ?> entry : row.entrySet()) {
      int slot = validator.slot(entry.getKey());
      if (slot < 0) {
        problems.add(
            rowNumber, entry.getKey(), "unknown column; expected " + validator.expectedColumns());
        known = false;
      } else {
        raw[slot] = entry.getValue();
      }
    }
    FeatureRow validated = validator.toRow(rowNumber, raw);
    current = known ? validated : null;
    return true;
  }

  @Override
  public FeatureRow current() {
    return current;
  }
}
