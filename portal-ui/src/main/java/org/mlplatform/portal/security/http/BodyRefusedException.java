package org.mlplatform.portal.security.http;

import java.io.IOException;

/**
 * Thrown by a guarded request body's stream once the body broke a limit. An {@link IOException}, so
 * parsers treat it as a failed read and stop; the filter then answers with the {@link Refusal}.
 */
public final class BodyRefusedException extends IOException {

  private final transient Refusal refusal;

  BodyRefusedException(Refusal refusal) {
    super(refusal.error());
    this.refusal = refusal;
  }

  /** The HTTP status the caller gets: 413 for size, 400 for nesting. */
  public int status() {
    return refusal.status();
  }
}
