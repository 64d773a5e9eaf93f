package org.mlplatform.domain.features.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mlplatform.domain.features.FeatureType;

/**
 * Streams the rows of a training set into one {@link ColumnStatistics} per column, in column order.
 * Memory is bounded per column, regardless of the row count. Not thread-safe.
 */
public final class TableStatisticsCollector {

  /** A column of the table: its name and the type its values have. */
  public record Column(String name, FeatureType type) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  private final List<ColumnStatisticsCollector> collectors;

  /**
   * @throws IllegalArgumentException when a column name repeats
   */
  public TableStatisticsCollector(List<Column> columns) {
    Set<String> names = new HashSet<>();
    List<ColumnStatisticsCollector> perColumn = new ArrayList<>(columns.size());
    for (Column column : columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("duplicate column " + column.name());
      }
      perColumn.add(new ColumnStatisticsCollector(column.name(), column.type()));
    }
    this.collectors = List.copyOf(perColumn);
  }

  /**
   * Counts one row, its values in column order.
   *
   * @throws IllegalArgumentException when the row has the wrong width or a value the wrong type;
   *     nothing of the row is then counted
   */
  public void add(Object[] row) {
    if (row.length != collectors.size()) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, expected " + collectors.size());
    }
    for (int i = 0; i < row.length; i++) {
      collectors.get(i).requireAcceptable(row[i]);
    }
    for (int i = 0; i < row.length; i++) {
      collectors.get(i).add(row[i]);
    }
  }

  /** The statistics of every column, in column order. */
  public List<ColumnStatistics> finish() {
    return collectors.stream().map(ColumnStatisticsCollector::finish).toList();
  }
}
