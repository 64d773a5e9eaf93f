package org.mlplatform.serving.onnx;

import java.util.Objects;

/**
 * An upload that is not a safe, loadable ONNX model. The {@link Reason} gives a short machine code
 * and the HTTP status REST answers with; the message says what is wrong in words a data scientist
 * can act on.
 */
public final class InvalidModelException extends Exception {

  private final Reason reason;

  public InvalidModelException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public InvalidModelException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  /** The machine code, for example {@code pickle} or {@code external_data}. */
  public String code() {
    return reason.code();
  }

  /** Why an upload was refused. Codes are part of the REST contract: never rename one. */
  public enum Reason {
    EMPTY("empty", 400),
    TOO_LARGE("too_large", 413),
    PICKLE("pickle", 400),
    ARCHIVE("archive", 400),
    COMPRESSED("compressed", 400),
    HDF5("hdf5", 400),
    TFLITE("tflite", 400),
    SAFETENSORS("safetensors", 400),
    NUMPY("numpy", 400),
    GGUF("gguf", 400),
    TEXT("text", 400),
    NOT_ONNX("not_onnx", 400),
    TRUNCATED("truncated", 422),
    MALFORMED("malformed", 422),
    INCOMPLETE("incomplete", 422),
    EXTERNAL_DATA("external_data", 422),
    UNSUPPORTED_TYPE("unsupported_type", 422),
    UNSERVABLE("unservable", 422),
    UNLOADABLE("unloadable", 422),
    TIMEOUT("timeout", 422);

    private final String code;
    private final int httpStatus;

    Reason(String code, int httpStatus) {
      this.code = code;
      this.httpStatus = httpStatus;
    }

    public String code() {
      return code;
    }

    /**
     * 413 for size, 400 when the file is not ONNX at all, 422 when it is ONNX the platform cannot
     * accept.
     */
    public int httpStatus() {
      return httpStatus;
    }
  }
}
