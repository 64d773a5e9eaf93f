package org.mlplatform.serving.inference;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.TensorInfo.OnnxTensorType;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.serving.OrtElementTypes;

/**
 * Converts between {@link TensorData} and ONNX Runtime tensors of the matching ONNX element type.
 *
 * <p>Inputs are written into direct buffers in native byte order, which ONNX Runtime uses in place
 * instead of copying again. Outputs are copied out of native memory at once, so that nothing refers
 * to it after the run's result is closed.
 */
final class NativeTensors {

  private NativeTensors() {}

  /** A new tensor holding the input's elements; the caller closes it. */
  static OnnxTensor create(OrtEnvironment env, InputTensor input) throws OrtException {
    TensorData data = input.data();
    long[] shape = input.shape();
    int n = data.length();
    int from = data.offset();
    Object values = data.storage();
    return switch (input.datatype()) {
      case FP32 -> {
        FloatBuffer buffer = direct(n * Float.BYTES).asFloatBuffer();
        buffer.put((float[]) values, from, n).rewind();
        yield OnnxTensor.createTensor(env, buffer, shape);
      }
      case FP16, BF16 -> {
        boolean fp16 = input.datatype() == ElementType.FP16;
        ShortBuffer buffer = direct(n * Short.BYTES).asShortBuffer();
        float[] floats = (float[]) values;
        for (int i = from; i < from + n; i++) {
          buffer.put(fp16 ? HalfFloats.toFp16(floats[i]) : HalfFloats.toBf16(floats[i]));
        }
        buffer.rewind();
        yield OnnxTensor.createTensor(
            env, buffer, shape, fp16 ? OnnxJavaType.FLOAT16 : OnnxJavaType.BFLOAT16);
      }
      case FP64 -> {
        DoubleBuffer buffer = direct(n * Double.BYTES).asDoubleBuffer();
        buffer.put((double[]) values, from, n).rewind();
        yield OnnxTensor.createTensor(env, buffer, shape);
      }
      case INT64 -> {
        LongBuffer buffer = direct(n * Long.BYTES).asLongBuffer();
        buffer.put((long[]) values, from, n).rewind();
        yield OnnxTensor.createTensor(env, buffer, shape);
      }
      case INT32 -> {
        IntBuffer buffer = direct(n * Integer.BYTES).asIntBuffer();
        buffer.put((int[]) values, from, n).rewind();
        yield OnnxTensor.createTensor(env, buffer, shape);
      }
      case INT16 -> {
        ShortBuffer buffer = direct(n * Short.BYTES).asShortBuffer();
        int[] ints = (int[]) values;
        for (int i = from; i < from + n; i++) {
          buffer.put((short) ints[i]);
        }
        buffer.rewind();
        yield OnnxTensor.createTensor(env, buffer, shape);
      }
      case INT8, UINT8 -> {
        ByteBuffer buffer = direct(n);
        int[] ints = (int[]) values;
        for (int i = from; i < from + n; i++) {
          buffer.put((byte) ints[i]);
        }
        buffer.rewind();
        OnnxJavaType type =
            input.datatype() == ElementType.UINT8 ? OnnxJavaType.UINT8 : OnnxJavaType.INT8;
        yield OnnxTensor.createTensor(env, buffer, shape, type);
      }
      case BOOL -> {
        ByteBuffer buffer = direct(n);
        boolean[] booleans = (boolean[]) values;
        for (int i = from; i < from + n; i++) {
          buffer.put(booleans[i] ? (byte) 1 : (byte) 0);
        }
        buffer.rewind();
        yield OnnxTensor.createTensor(env, buffer, shape, OnnxJavaType.BOOL);
      }
      case BYTES -> OnnxTensor.createTensor(env, data.toStringArray(), shape);
      case UINT16, UINT32, UINT64 ->
          throw SignatureBinding.unfeedable(input.name(), input.datatype());
    };
  }

  /** The tensor's elements, copied into Java memory. */
  static OutputTensor.Tensor copy(String name, OnnxTensor tensor) throws OrtException {
    TensorInfo info = tensor.getInfo();
    long[] shape = info.getShape();
    int n = Math.toIntExact(info.getNumElements());
    OnnxTensorType onnxType = info.onnxType;
    ElementType type = elementType(name, onnxType);
    if (n == 0) {
      // Nothing to copy; ONNX Runtime may have no buffer to hand out for an empty tensor.
      return new OutputTensor.Tensor(
          name, type, shape, TensorData.wrap(type, TensorData.newStorage(type, 0), 0));
    }
    Object values =
        switch (type) {
          case FP32, FP16, BF16 -> floats(tensor.getFloatBuffer(), n);
          case FP64 -> doubles(tensor.getDoubleBuffer(), n);
          case INT64, UINT64 -> longs(tensor.getLongBuffer(), n);
          case UINT32 -> {
            IntBuffer buffer = tensor.getIntBuffer();
            long[] longs = new long[n];
            for (int i = 0; i < n; i++) {
              longs[i] = Integer.toUnsignedLong(buffer.get(i));
            }
            yield longs;
          }
          case INT32 -> ints(tensor.getIntBuffer(), n);
          case INT16, UINT16 -> {
            ShortBuffer buffer = tensor.getShortBuffer();
            int[] ints = new int[n];
            for (int i = 0; i < n; i++) {
              short s = buffer.get(i);
              ints[i] = type == ElementType.UINT16 ? Short.toUnsignedInt(s) : s;
            }
            yield ints;
          }
          case INT8, UINT8 -> {
            ByteBuffer buffer = tensor.getByteBuffer();
            int[] ints = new int[n];
            for (int i = 0; i < n; i++) {
              byte b = buffer.get(i);
              ints[i] = type == ElementType.UINT8 ? Byte.toUnsignedInt(b) : b;
            }
            yield ints;
          }
          case BOOL -> {
            ByteBuffer buffer = tensor.getByteBuffer();
            boolean[] booleans = new boolean[n];
            for (int i = 0; i < n; i++) {
              booleans[i] = buffer.get(i) != 0;
            }
            yield booleans;
          }
          case BYTES -> strings(tensor.getValue(), n);
        };
    return new OutputTensor.Tensor(name, type, shape, TensorData.wrap(type, values, n));
  }

  private static ElementType elementType(String name, OnnxTensorType type) throws OrtException {
    // Complex numbers and 8-bit floats have no Open Inference Protocol data type.
    return OrtElementTypes.of(type)
        .orElseThrow(
            () ->
                new OrtException(
                    "output '"
                        + name
                        + "' has element type "
                        + OrtElementTypes.describe(type)
                        + ", which the platform cannot return"));
  }

  private static ByteBuffer direct(int bytes) {
    return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
  }

  // ONNX Runtime's getXxxBuffer methods return fresh heap buffers: their arrays are taken as they
  // are when they fit exactly, which saves a second copy.

  private static float[] floats(FloatBuffer buffer, int n) {
    if (exactHeap(buffer, n)) {
      return buffer.array();
    }
    float[] values = new float[n];
    buffer.get(0, values);
    return values;
  }

  private static double[] doubles(DoubleBuffer buffer, int n) {
    if (exactHeap(buffer, n)) {
      return buffer.array();
    }
    double[] values = new double[n];
    buffer.get(0, values);
    return values;
  }

  private static long[] longs(LongBuffer buffer, int n) {
    if (exactHeap(buffer, n)) {
      return buffer.array();
    }
    long[] values = new long[n];
    buffer.get(0, values);
    return values;
  }

  private static int[] ints(IntBuffer buffer, int n) {
    if (exactHeap(buffer, n)) {
      return buffer.array();
    }
    int[] values = new int[n];
    buffer.get(0, values);
    return values;
  }

  private static boolean exactHeap(Buffer buffer, int n) {
    return buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.capacity() == n;
  }

  /** A string tensor's value is a String for a scalar, else nested String arrays: flattened. */
  private static String[] strings(Object value, int n) {
    String[] flat = new String[n];
    int filled = flatten(value, flat, 0);
    if (filled != n) {
      throw new IllegalStateException("a string tensor of " + n + " elements yielded " + filled);
    }
    return flat;
  }

  private static int flatten(Object value, String[] into, int at) {
    if (value instanceof String s) {
      into[at] = s;
      return at + 1;
    }
    int next = at;
    for (Object part : (Object[]) value) {
      next = flatten(part, into, next);
    }
    return next;
  }
}
