package org.mlplatform.serving.inference;

/**
 * A caller's mistake in an inference request: the HTTP status to answer with (400, or 413 when a
 * size limit was exceeded) and a message that names the input or field at fault, safe to show to
 * the caller.
 */
public final class InferenceException extends RuntimeException {

  public static final int BAD_REQUEST = 400;
  public static final int PAYLOAD_TOO_LARGE = 413;

  private final int status;

  public InferenceException(String message) {
    this(BAD_REQUEST, message);
  }

  public InferenceException(int status, String message) {
    // No stack trace: these are answers to callers, thrown often under bad traffic, never bugs.
    super(message, null, false, false);
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("a caller's mistake has a 4xx status: " + status);
    }
    this.status = status;
  }

  public int status() {
    return status;
  }
}
