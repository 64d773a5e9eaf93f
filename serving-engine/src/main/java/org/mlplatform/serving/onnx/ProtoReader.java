package org.mlplatform.serving.onnx;

import java.nio.charset.StandardCharsets;

/**
 * Reads protobuf's wire format over a slice of a byte array, without a protobuf library: field
 * tags, varints, and length-delimited fields handed out as readers over their own slice. Every
 * length is checked against the slice before it is used, so a hostile length can neither read
 * outside the array nor make anything allocate.
 */
final class ProtoReader {

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private static final int MAX_VARINT_BYTES = 10;

  private final byte[] buffer;
  private final int limit;
  private final boolean wholeFile;
  private int position;
  private int fieldNumber;
  private int wireType;

  ProtoReader(byte[] buffer) {
    this(buffer, 0, buffer.length, true);
  }

  private ProtoReader(byte[] buffer, int start, int limit, boolean wholeFile) {
    this.buffer = buffer;
    this.position = start;
    this.limit = limit;
    this.wholeFile = wholeFile;
  }

  boolean hasMoreFields() {
    return position < limit;
  }

  /** Reads the next tag; {@link #fieldNumber()} and {@link #wireType()} then describe it. */
  void nextField() throws MalformedProtobufException {
    long tag = readVarint();
    int type = (int) (tag & 0x7);
    long number = tag >>> 3;
    if (number < 1 || number > 536_870_911L) {
      throw MalformedProtobufException.malformed("invalid field number " + number);
    }
    if (type != VARINT && type != FIXED64 && type != LENGTH_DELIMITED && type != FIXED32) {
      // Groups (3, 4) were never used by ONNX, and 6, 7 do not exist.
      throw MalformedProtobufException.malformed(
          "unsupported wire type " + type + " for field " + number);
    }
    this.fieldNumber = (int) number;
    this.wireType = type;
  }

  int fieldNumber() {
    return fieldNumber;
  }

  int wireType() {
    return wireType;
  }

  long readVarint() throws MalformedProtobufException {
    long value = 0;
    for (int i = 0; i < MAX_VARINT_BYTES; i++) {
      if (position >= limit) {
        throw pastTheEnd("a number");
      }
      byte b = buffer[position++];
      value |= (long) (b & 0x7F) << (7 * i);
      if (b >= 0) {
        return value;
      }
    }
    throw MalformedProtobufException.malformed("a number longer than ten bytes");
  }

  /** The current length-delimited field as a reader over its bytes. */
  ProtoReader readMessage() throws MalformedProtobufException {
    int length = readLength();
    ProtoReader message = new ProtoReader(buffer, position, position + length, false);
    position += length;
    return message;
  }

  String readString() throws MalformedProtobufException {
    int length = readLength();
    String text = new String(buffer, position, length, StandardCharsets.UTF_8);
    position += length;
    return text;
  }

  /** Skips the current field's value, whatever its wire type. */
  void skipField() throws MalformedProtobufException {
    switch (wireType) {
      case VARINT -> readVarint();
      case FIXED64 -> skipBytes(8);
      case FIXED32 -> skipBytes(4);
      case LENGTH_DELIMITED -> {
        // Not "position += readLength()": that would add to the position before the length.
        int length = readLength();
        position += length;
      }
      default -> throw new IllegalStateException("wire type " + wireType);
    }
  }

  /**
   * Requires the current field to have the wire type the schema gives it; a mismatch means the
   * bytes are not the message we think they are.
   */
  void expectWireType(int expected, String field) throws MalformedProtobufException {
    if (wireType != expected) {
      throw MalformedProtobufException.malformed(
          field + " has wire type " + wireType + " instead of " + expected);
    }
  }

  private int readLength() throws MalformedProtobufException {
    long length = readVarint();
    if (length < 0 || length > limit - position) {
      throw pastTheEnd("a field of " + Long.toUnsignedString(length) + " bytes");
    }
    return (int) length;
  }

  private void skipBytes(int count) throws MalformedProtobufException {
    if (count > limit - position) {
      throw pastTheEnd("a fixed-size field");
    }
    position += count;
  }

  /**
   * Running past the end of the whole file means the file was cut short; running past the end of an
   * embedded message that is itself complete means the bytes are damaged.
   */
  private MalformedProtobufException pastTheEnd(String what) {
    return wholeFile
        ? MalformedProtobufException.truncated(what + " runs past the end of the file")
        : MalformedProtobufException.malformed(what + " runs past the end of its message");
  }
}
