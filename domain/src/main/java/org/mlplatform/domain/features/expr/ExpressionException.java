package org.mlplatform.domain.features.expr;

import org.mlplatform.domain.DomainValidationException;

/**
 * An expression that cannot be compiled, with the 0-based offset of the offending text so that an
 * editor can underline it. It is a {@link DomainValidationException} (blaming the field {@code
 * expression} unless re-targeted with {@link #inField}) so the REST layer answers 400 without
 * knowing about expressions.
 */
public final class ExpressionException extends DomainValidationException {

  private static final String DEFAULT_FIELD = "expression";

  private final int position;
  private final String problem;

  ExpressionException(int position, String problem) {
    this(DEFAULT_FIELD, position, problem);
  }

  private ExpressionException(String field, int position, String problem) {
    super(field, "at column " + (position + 1) + ": " + problem);
    this.position = position;
    this.problem = problem;
  }

  /** The 0-based character offset of the error in the source. */
  public int position() {
    return position;
  }

  /** The message without the column prefix, for tools that show the position themselves. */
  public String problem() {
    return problem;
  }

  /** The same error, blaming the caller's field (for example {@code features[2].expression}). */
  public ExpressionException inField(String field) {
    return new ExpressionException(field, position, problem);
  }
}
