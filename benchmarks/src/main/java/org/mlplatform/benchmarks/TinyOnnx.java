package org.mlplatform.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the smallest useful ONNX model, {@code output = Identity(input)} over FP32 {@code [batch,
 * width]}, straight in protobuf's wire format: the registry benchmark registers thousands of
 * versions, and the cost it measures should be the registry's, not a big file's.
 */
final class TinyOnnx {

  private static final int FLOAT = 1;

  private TinyOnnx() {}

  static byte[] identity(int width, String producer) {
    byte[] graph =
        concat(
            message(1, concat(string(1, "input"), string(2, "output"), string(4, "Identity"))),
            string(2, "identity"),
            message(11, valueInfo("input", width)),
            message(12, valueInfo("output", width)));
    return concat(
        varint(1, 8), // ir_version
        string(2, producer),
        message(7, graph),
        message(8, concat(string(1, ""), varint(2, 13)))); // opset 13 of the default domain
  }

  private static byte[] valueInfo(String name, int width) {
    byte[] shape = concat(message(1, string(2, "batch")), message(1, varint(1, width)));
    byte[] tensor = concat(varint(1, FLOAT), message(2, shape));
    return concat(string(1, name), message(2, message(1, tensor)));
  }

  private static byte[] varint(int field, long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeVarint(out, (long) field << 3);
    writeVarint(out, value);
    return out.toByteArray();
  }

  private static byte[] string(int field, String value) {
    return message(field, value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] message(int field, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeVarint(out, ((long) field << 3) | 2);
    writeVarint(out, body.length);
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
