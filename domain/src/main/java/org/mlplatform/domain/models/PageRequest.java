package org.mlplatform.domain.models;

import org.mlplatform.domain.DomainValidationException;

/**
 * Which slice of a long list to return.
 *
 * @param offset how many items to skip
 * @param limit at most how many items to return, 1 to {@value #MAX_LIMIT}
 */
public record PageRequest(int offset, int limit) {

  public static final int MAX_LIMIT = 1000;

  public PageRequest {
    if (offset < 0) {
      throw new DomainValidationException("offset", "offset must be 0 or more, got " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new DomainValidationException(
          "limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(0, limit);
  }
}
