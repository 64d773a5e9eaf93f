package org.mlplatform.domain.features.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found so far, capped: after the limit one more problem marks the log as overflowing
 * and reading stops, since a user fixing a broken file gains nothing from the millionth error.
 */
final class ProblemLog {

  private final int limit;
  private final List<RowProblem> problems = new ArrayList<>();
  private boolean overflowing;

  ProblemLog(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("problem limit must be at least 1");
    }
    this.limit = limit;
  }

  void add(long rowNumber, String column, String message) {
    if (problems.size() < limit) {
      problems.add(new RowProblem((int) Math.min(rowNumber, Integer.MAX_VALUE), column, message));
    } else {
      overflowing = true;
    }
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  boolean overflowing() {
    return overflowing;
  }

  List<RowProblem> list() {
    return List.copyOf(problems);
  }

  RowsRejectedException rejection() {
    return new RowsRejectedException(problems, overflowing);
  }
}
