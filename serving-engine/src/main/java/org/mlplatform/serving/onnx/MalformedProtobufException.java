package org.mlplatform.serving.onnx;

/** Bytes that are not valid protobuf, or that end in the middle of a field. */
final class MalformedProtobufException extends Exception {

  private final boolean truncated;

  private MalformedProtobufException(String message, boolean truncated) {
    super(message);
    this.truncated = truncated;
  }

  static MalformedProtobufException truncated(String message) {
    return new MalformedProtobufException(message, true);
  }

  static MalformedProtobufException malformed(String message) {
    return new MalformedProtobufException(message, false);
  }

  /** Whether the file ends in the middle of a field (it was cut short, not scrambled). */
  boolean isTruncated() {
    return truncated;
  }
}
