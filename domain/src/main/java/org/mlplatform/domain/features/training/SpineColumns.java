package org.mlplatform.domain.features.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ingest.RowProblem;
import org.mlplatform.domain.features.ingest.RowsRejectedException;
import org.mlplatform.domain.features.training.TrainingColumn.Role;
import org.mlplatform.domain.features.training.TrainingSetPlan.ViewPart;

/** The entity rows' columns in their planned types, with each view's keys per row. */
final class SpineColumns {

  private static final int MAX_PROBLEMS = 100;

  private final EntityRows rows;
  private final List<TrainingColumn> columns;
  private final Object[][] typed;
  private final Map<ViewPart, int[]> keyColumns = new java.util.IdentityHashMap<>();

  private SpineColumns(EntityRows rows, List<TrainingColumn> columns, Object[][] typed) {
    this.rows = rows;
    this.columns = columns;
    this.typed = typed;
  }

  static SpineColumns of(TrainingSetPlan plan, EntityRows rows) {
    Map<String, FeatureType> required = new HashMap<>();
    Map<String, Role> roles = new HashMap<>();
    for (ViewPart part : plan.parts()) {
      for (JoinKey key : part.joinKeys()) {
        need(rows, key.name().value(), key.type(), "a join key of " + part.view().name());
        required.put(key.name().value(), key.type());
        roles.put(key.name().value(), Role.JOIN_KEY);
      }
      if (part.requested().stream().anyMatch(r -> r.derivedIndex() >= 0)) {
        for (FeatureDefinition field : part.view().requestFields()) {
          need(
              rows,
              field.name().value(),
              field.type(),
              "request data for the derived features of " + part.view().name());
          required.putIfAbsent(field.name().value(), field.type());
        }
      }
    }
    List<TrainingColumn> columns = new ArrayList<>();
    for (int c = 0; c < rows.columns().size(); c++) {
      String name = rows.columns().get(c);
      FeatureType type = required.getOrDefault(name, null);
      columns.add(
          new TrainingColumn(
              name,
              type != null ? type : SpineTypes.infer(rows, c),
              roles.getOrDefault(name, Role.PASSTHROUGH),
              null));
    }
    Object[][] typed = coerce(rows, columns);
    SpineColumns spine = new SpineColumns(rows, List.copyOf(columns), typed);
    for (ViewPart part : plan.parts()) {
      spine.keyColumns.put(
          part,
          part.joinKeys().stream()
              .mapToInt(k -> rows.columnIndex(k.name().value()).orElseThrow())
              .toArray());
    }
    return spine;
  }

  private static void need(EntityRows rows, String column, FeatureType type, String why) {
    if (rows.columnIndex(column).isEmpty()) {
      throw new DomainValidationException(
          "entity_rows", "the entity rows need a column " + column + " (" + type + "), " + why);
    }
  }

  private static Object[][] coerce(EntityRows rows, List<TrainingColumn> columns) {
    Object[][] typed = new Object[rows.size()][];
    List<RowProblem> problems = new ArrayList<>();
    boolean truncated = false;
    for (int r = 0; r < rows.size(); r++) {
      Object[] values = new Object[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        TrainingColumn column = columns.get(c);
        Object raw = rows.raw(r, c);
        try {
          values[c] = column.type().coerce(raw);
          if (values[c] == null && column.role() == Role.JOIN_KEY) {
            throw new IllegalArgumentException("a join key needs a value");
          }
        } catch (IllegalArgumentException e) {
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(new RowProblem(r + 1, column.name(), e.getMessage()));
          } else {
            truncated = true;
          }
        }
      }
      typed[r] = values;
    }
    if (!problems.isEmpty()) {
      throw new RowsRejectedException(problems, truncated);
    }
    return typed;
  }

  List<TrainingColumn> columns() {
    return columns;
  }

  Object value(int row, int column) {
    return typed[row][column];
  }

  /** The entity rows' columns holding a view's join keys, in join-key order. */
  List<Integer> keyColumns(ViewPart part) {
    return Arrays.stream(keyColumns.get(part)).boxed().toList();
  }

  EntityKey key(ViewPart part, int row) {
    int[] indexes = keyColumns.get(part);
    Object[] values = new Object[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      values[i] = typed[row][indexes[i]];
    }
    return EntityKey.of(values);
  }

  Object request(int row, String field) {
    return rows.columnIndex(field).map(c -> typed[row][c]).orElse(null);
  }
}
