package org.mlplatform.domain.features.ingest;

import java.util.List;
import org.mlplatform.domain.DomainValidationException;

/**
 * An upload had invalid rows, so none of it is stored. Carries the first problems found (a capped
 * list) so the caller can answer 400 with row numbers.
 */
public class RowsRejectedException extends DomainValidationException {

  private final List<RowProblem> problems;
  private final boolean truncated;

  public RowsRejectedException(List<RowProblem> problems, boolean truncated) {
    super("rows", describe(problems, truncated));
    this.problems = List.copyOf(problems);
    this.truncated = truncated;
  }

  /** The problems found, in input order, at most the parser's limit. */
  public List<RowProblem> problems() {
    return problems;
  }

  /** Whether there were more problems than listed (reading stopped at the limit). */
  public boolean truncated() {
    return truncated;
  }

  private static String describe(List<RowProblem> problems, boolean truncated) {
    String count = (truncated ? "more than " : "") + problems.size();
    String first = problems.isEmpty() ? "" : "; first: " + problems.getFirst();
    return "the rows were rejected, " + count + " problem(s)" + first;
  }
}
