package org.mlplatform.domain.features.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entity rows a training set is built for (Feast's "entity dataframe"): per row an event time,
 * the join keys and any other columns (labels, request data), which pass through to the result.
 * Values are kept as they arrived (JSON values or CSV text) until the plan says what type each
 * column must have.
 */
public final class EntityRows {

  private final List<String> columns;
  private final Map<String, Integer> indexes = new HashMap<>();
  private final List<Instant> times;
  private final List<Object[]> values;

  /**
   * @param columns the columns besides {@code event_timestamp}, in the order given
   * @param times each row's event time
   * @param values each row's raw values, in {@code columns} order
   */
  public EntityRows(List<String> columns, List<Instant> times, List<Object[]> values) {
    this.columns = List.copyOf(columns);
    for (int i = 0; i < this.columns.size(); i++) {
      indexes.put(this.columns.get(i), i);
    }
    if (times.size() != values.size()) {
      throw new IllegalArgumentException("times and values differ in length");
    }
    this.times = List.copyOf(times);
    this.values = new ArrayList<>(values.size());
    for (Object[] row : values) {
      if (row.length != this.columns.size()) {
        throw new IllegalArgumentException("a row has " + row.length + " values");
      }
      this.values.add(row);
    }
  }

  public List<String> columns() {
    return columns;
  }

  public Optional<Integer> columnIndex(String column) {
    return Optional.ofNullable(indexes.get(column));
  }

  public int size() {
    return times.size();
  }

  public Instant time(int row) {
    return times.get(row);
  }

  public Object raw(int row, int column) {
    return values.get(row)[column];
  }

  /** The earliest and latest event time, or empty when there are no rows. */
  public Optional<Instant[]> timeRange() {
    return times.stream()
        .min(Instant::compareTo)
        .map(min -> new Instant[] {min, times.stream().max(Instant::compareTo).orElseThrow()});
  }

  @Override
  public String toString() {
    return "EntityRows[" + size() + " rows, columns " + Objects.toString(columns) + "]";
  }
}
