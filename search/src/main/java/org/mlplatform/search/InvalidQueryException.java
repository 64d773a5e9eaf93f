package org.mlplatform.search;

/**
 * A query the index refuses: Lucene cannot parse it, it expands past the clause limit, or a page,
 * size or type is out of range. The message says why and is safe to show the user; the REST layer
 * maps this exception to 400.
 */
public class InvalidQueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidQueryException(String message) {
    super(message);
  }

  public InvalidQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
