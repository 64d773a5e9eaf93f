package org.mlplatform.serving.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mlplatform.serving.onnx.InvalidModelException.Reason;

/** Uploads that must be refused, each with the reason and a piece of the message it must get. */
final class BadUploads {

  record BadUpload(String name, byte[] bytes, Reason reason, String messagePart) {
    @Override
    public String toString() {
      return name;
    }
  }

  private BadUploads() {}

  static List<BadUpload> all() {
    byte[] cnn = ThirdPartyModels.TEXT_DIRECTION_CNN.bytes();
    byte[] small = OnnxModels.matMulAdd();
    return List.of(
        new BadUpload("empty", new byte[0], Reason.EMPTY, "empty"),
        new BadUpload("random bytes", randomBytes(), Reason.NOT_ONNX, "not an ONNX model"),
        new BadUpload("pickle, protocol 4", pickleProtocol4(), Reason.PICKLE, "pickle"),
        new BadUpload(
            "pickle, protocol 0", ascii("(dp0\nS'coef'\np1\nI1\ns."), Reason.PICKLE, "pickle"),
        new BadUpload("zip (PyTorch checkpoint)", zip(), Reason.ARCHIVE, "ZIP"),
        new BadUpload("gzip", gzip(small), Reason.COMPRESSED, "gzip"),
        new BadUpload("tar", tar(), Reason.ARCHIVE, "tar"),
        new BadUpload(
            "HDF5 (Keras)",
            withPrefix(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'}),
            Reason.HDF5,
            "HDF5"),
        new BadUpload(
            "TFLite",
            withPrefix(new byte[] {0x1C, 0, 0, 0, 'T', 'F', 'L', '3'}),
            Reason.TFLITE,
            "TensorFlow Lite"),
        new BadUpload("safetensors", safetensors(), Reason.SAFETENSORS, "safetensors"),
        new BadUpload(
            "NumPy",
            withPrefix(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}),
            Reason.NUMPY,
            "NumPy"),
        new BadUpload("JSON", ascii("{\"inputs\": [\"x\"]}\n"), Reason.TEXT, "JSON"),
        new BadUpload(
            "HTML", ascii("<!DOCTYPE html><html><body>404</body></html>"), Reason.TEXT, "HTML"),
        new BadUpload(
            "truncated third-party model",
            Arrays.copyOf(cnn, cnn.length / 2),
            Reason.TRUNCATED,
            "truncated"),
        new BadUpload(
            "truncated small model",
            Arrays.copyOf(small, small.length - 7),
            Reason.TRUNCATED,
            "truncated"),
        new BadUpload("damaged model", damaged(), Reason.MALFORMED, "damaged"),
        new BadUpload(
            "external data ../../etc/passwd",
            OnnxModels.matMulAddWithExternalWeights("../../etc/passwd"),
            Reason.EXTERNAL_DATA,
            "'../../etc/passwd', which points outside"),
        new BadUpload(
            "external data /etc/passwd",
            OnnxModels.matMulAddWithExternalWeights("/etc/passwd"),
            Reason.EXTERNAL_DATA,
            "absolute path"),
        new BadUpload(
            "external data C:\\weights.bin",
            OnnxModels.matMulAddWithExternalWeights("C:\\weights.bin"),
            Reason.EXTERNAL_DATA,
            "outside"),
        new BadUpload(
            "external data with NUL",
            OnnxModels.matMulAddWithExternalWeights("w.bin\0.txt"),
            Reason.EXTERNAL_DATA,
            "NUL"),
        new BadUpload(
            "external data beside the model",
            OnnxModels.matMulAddWithExternalWeights("weights.bin"),
            Reason.EXTERNAL_DATA,
            "separate file 'weights.bin'"),
        new BadUpload(
            "external data in a sub-graph",
            OnnxModels.externalDataInSubgraph("../secret.bin"),
            Reason.EXTERNAL_DATA,
            "'../secret.bin'"),
        new BadUpload("no graph", OnnxModels.withoutGraph(), Reason.INCOMPLETE, "no graph"),
        new BadUpload("no opset", OnnxModels.withoutOpset(), Reason.INCOMPLETE, "opset"),
        new BadUpload(
            "unknown operator",
            OnnxModels.unknownOperator(),
            Reason.UNLOADABLE,
            "ONNX Runtime cannot load"));
  }

  /** Fixed seed: the same bytes on every run. */
  private static byte[] randomBytes() {
    byte[] bytes = new byte[4096];
    new Random(20260101L).nextBytes(bytes);
    return bytes;
  }

  /** What {@code pickle.dumps({'a': 1}, protocol=4)} writes. */
  private static byte[] pickleProtocol4() {
    return new byte[] {
      (byte) 0x80,
      0x04,
      (byte) 0x95,
      0x0a,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      '}',
      (byte) 0x94,
      (byte) 0x8c,
      0x01,
      'a',
      (byte) 0x94,
      'K',
      0x01,
      's',
      '.'
    };
  }

  private static byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("archive/data.pkl"));
      zip.write(pickleProtocol4());
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** One POSIX tar header block for "model.onnx", then an empty data block. */
  private static byte[] tar() {
    byte[] tar = new byte[1024];
    byte[] name = ascii("model.onnx");
    System.arraycopy(name, 0, tar, 0, name.length);
    byte[] magic = ascii("ustar\u000000");
    System.arraycopy(magic, 0, tar, 257, magic.length);
    return tar;
  }

  private static byte[] safetensors() {
    byte[] header = ascii("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}");
    return ByteBuffer.allocate(8 + header.length + 4)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putLong(header.length)
        .put(header)
        .putFloat(1f)
        .array();
  }

  /** Starts like a model, but its first node claims 127 bytes its graph does not have. */
  private static byte[] damaged() {
    ProtoWriter graph = new ProtoWriter().bytes(1, new byte[] {0x0a, 0x7f});
    return new ProtoWriter().varint(1, 8).message(7, graph).toByteArray();
  }

  private static byte[] withPrefix(byte[] prefix) {
    return Arrays.copyOf(prefix, 256);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
