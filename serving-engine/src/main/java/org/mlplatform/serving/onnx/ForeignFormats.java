package org.mlplatform.serving.onnx;

import java.nio.charset.StandardCharsets;
import org.mlplatform.serving.onnx.InvalidModelException.Reason;

/**
 * Recognises the files people upload by mistake (or on purpose) instead of ONNX, from their first
 * bytes. This runs before any parser: a pickle must never reach anything that might unpickle it,
 * and a specific message ("this is a PyTorch checkpoint") helps more than "unloadable".
 *
 * <p>An ONNX file is a protobuf {@code ModelProto}; its first byte is a field tag ({@code 0x08} for
 * {@code ir_version}), which none of the signatures below start with.
 */
final class ForeignFormats {

  private static final int TEXT_SAMPLE = 1024;

  private ForeignFormats() {}

  static void rejectRecognised(byte[] file) throws InvalidModelException {
    if (startsWith(file, 0, 'P', 'K', 0x03, 0x04)
        || startsWith(file, 0, 'P', 'K', 0x05, 0x06)
        || startsWith(file, 0, 'P', 'K', 0x07, 0x08)) {
      throw new InvalidModelException(
          Reason.ARCHIVE,
          "this is a ZIP archive (a PyTorch .pt/.pth checkpoint, a .jar, an .npz or a zipped"
              + " model), not an ONNX file; export the model to ONNX and upload the .onnx file");
    }
    if (startsWith(file, 257, 'u', 's', 't', 'a', 'r')) {
      throw new InvalidModelException(
          Reason.ARCHIVE, "this is a tar archive, not an ONNX file; upload the .onnx file itself");
    }
    if (startsWith(file, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
      throw new InvalidModelException(
          Reason.ARCHIVE,
          "this is a 7-Zip archive, not an ONNX file; upload the .onnx file itself");
    }
    rejectCompressed(file);
    if (isPickle(file)) {
      throw new InvalidModelException(
          Reason.PICKLE,
          "this is a Python pickle (a scikit-learn/joblib dump or a legacy PyTorch file), which the"
              + " platform never opens; convert the model to ONNX (skl2onnx, torch.onnx.export)");
    }
    if (startsWith(file, 0, 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n')) {
      throw new InvalidModelException(
          Reason.HDF5,
          "this is an HDF5 file (a Keras .h5 model), not ONNX; convert it with tf2onnx");
    }
    if (startsWith(file, 4, 'T', 'F', 'L', '3')) {
      throw new InvalidModelException(
          Reason.TFLITE, "this is a TensorFlow Lite model, not ONNX; convert it with tf2onnx");
    }
    if (startsWith(file, 0, 0x93, 'N', 'U', 'M', 'P', 'Y')) {
      throw new InvalidModelException(
          Reason.NUMPY, "this is a NumPy array file (.npy), not an ONNX model");
    }
    if (startsWith(file, 0, 'G', 'G', 'U', 'F')) {
      throw new InvalidModelException(
          Reason.GGUF, "this is a GGUF file (llama.cpp weights), not an ONNX model");
    }
    if (isSafetensors(file)) {
      throw new InvalidModelException(
          Reason.SAFETENSORS,
          "this is a safetensors weights file; it holds weights without a graph, so export the"
              + " model to ONNX");
    }
    if (isText(file)) {
      throw new InvalidModelException(Reason.TEXT, describeText(file));
    }
  }

  private static void rejectCompressed(byte[] file) throws InvalidModelException {
    String kind = null;
    if (startsWith(file, 0, 0x1F, 0x8B)) {
      kind = "gzip";
    } else if (startsWith(file, 0, 'B', 'Z', 'h')) {
      kind = "bzip2";
    } else if (startsWith(file, 0, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
      kind = "xz";
    } else if (startsWith(file, 0, 0x28, 0xB5, 0x2F, 0xFD)) {
      kind = "zstd";
    }
    if (kind != null) {
      throw new InvalidModelException(
          Reason.COMPRESSED,
          "this is a "
              + kind
              + "-compressed file (perhaps a .tar.gz or a joblib dump), not an"
              + " ONNX file; upload the uncompressed .onnx file");
    }
  }

  /**
   * Protocol 2 to 5 pickles open with PROTO ({@code 0x80}) and the protocol number. Protocols 0 and
   * 1 have no header: they open with an opcode that builds a container or loads a global and always
   * end with STOP ({@code '.'}).
   */
  private static boolean isPickle(byte[] file) {
    if (file.length >= 2 && (file[0] & 0xFF) == 0x80 && file[1] >= 2 && file[1] <= 5) {
      return true;
    }
    if (file.length < 2 || file[file.length - 1] != '.') {
      return false;
    }
    return switch (file[0]) {
      case '(', ')', ']', '}', 'c' -> true;
      default -> false;
    };
  }

  /** An 8-byte little-endian header length, then the JSON header itself. */
  private static boolean isSafetensors(byte[] file) {
    if (file.length < 10) {
      return false;
    }
    long headerLength = 0;
    for (int i = 7; i >= 0; i--) {
      headerLength = (headerLength << 8) | (file[i] & 0xFF);
    }
    return headerLength > 1 && headerLength <= file.length - 8L && file[8] == '{';
  }

  /** Text has no control characters other than white space; a protobuf tag is one. */
  private static boolean isText(byte[] file) {
    int end = Math.min(file.length, TEXT_SAMPLE);
    for (int i = 0; i < end; i++) {
      int b = file[i] & 0xFF;
      boolean whiteSpace = b == '\t' || b == '\n' || b == '\r' || b == '\f';
      if ((b < 0x20 && !whiteSpace) || b == 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static String describeText(byte[] file) {
    String start =
        new String(file, 0, Math.min(file.length, 64), StandardCharsets.UTF_8)
            .stripLeading()
            .replace("\uFEFF", "");
    if (start.startsWith("{") || start.startsWith("[")) {
      return "this is a JSON document, not an ONNX model; send metadata in the metadata part"
          + " and the .onnx file in the file part";
    }
    if (start.startsWith("<")) {
      return "this is an HTML or XML document, not an ONNX model";
    }
    return "this is a text file, not an ONNX model (ONNX is a binary protobuf file)";
  }

  private static boolean startsWith(byte[] file, int offset, int... signature) {
    if (file.length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((file[offset + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
