package org.mlplatform.portal.api;

import org.mlplatform.domain.DomainValidationException;

/** Checks shared by resources that take a JSON body. */
final class RequestBodies {

  private RequestBodies() {}

  /** An absent body (JSON-B gives null for an empty one) is the caller's mistake. */
  static <T> T required(T body) {
    if (body == null) {
      throw new DomainValidationException("body", "a JSON body is required");
    }
    return body;
  }
}
