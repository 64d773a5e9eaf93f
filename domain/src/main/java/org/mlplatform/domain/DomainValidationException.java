package org.mlplatform.domain;

/**
 * A value that breaks a rule of the domain, naming the input field to blame so the REST layer can
 * answer {@code 400 {"error": ..., "field": ...}}.
 */
public class DomainValidationException extends IllegalArgumentException {

  private final String field;

  public DomainValidationException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The input field at fault, in the caller's terms (for example {@code features[2].type}). */
  public String field() {
    return field;
  }
}
