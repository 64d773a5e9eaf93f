package org.mlplatform.serving.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;

/**
 * Small real ONNX models, written field by field from onnx.proto. ONNX Runtime loads and runs them;
 * tests then damage them in specific ways. Public for the tests of other packages that run them.
 */
public final class OnnxModels {

  // TensorProto.DataType codes.
  public static final int FLOAT = 1;
  public static final int UINT8 = 2;
  public static final int INT8 = 3;
  public static final int UINT16 = 4;
  public static final int INT16 = 5;
  public static final int INT32 = 6;
  public static final int INT64 = 7;
  public static final int STRING = 8;
  public static final int BOOL = 9;
  public static final int FLOAT16 = 10;
  public static final int DOUBLE = 11;
  public static final int UINT32 = 12;
  public static final int UINT64 = 13;
  public static final int BFLOAT16 = 16;

  private static final int IR_VERSION = 8;
  private static final int OPSET = 17;

  private OnnxModels() {}

  /**
   * {@code y = x · W + b} with {@code x: float[batch, 4]}, {@code W: float[4, 2]} (all 0.5) and
   * {@code b: float[2]} = (1, 2); {@code y: float[batch, 2]}.
   */
  public static byte[] matMulAdd() {
    return model(matMulAddGraph(initializer("W", new long[] {4, 2}, 0.5f)));
  }

  /** The same graph, with W's data declared to live in an external file at {@code location}. */
  static byte[] matMulAddWithExternalWeights(String location) {
    return model(matMulAddGraph(externalTensor("W", new long[] {4, 2}, location)));
  }

  /** An {@code If} whose then-branch holds a constant whose data is external. */
  static byte[] externalDataInSubgraph(String location) {
    ProtoWriter constant =
        node("Constant", List.of(), List.of("c"))
            .message(
                5,
                new ProtoWriter()
                    .string(1, "value")
                    .varint(20, 4)
                    .message(5, externalTensor("", new long[] {2}, location)));
    ProtoWriter branch =
        new ProtoWriter()
            .message(1, constant)
            .string(2, "then")
            .message(12, tensorValue("c", FLOAT, new Object[] {2L}));
    ProtoWriter ifNode =
        node("If", List.of("cond"), List.of("y"))
            .message(5, new ProtoWriter().string(1, "then_branch").varint(20, 5).message(6, branch))
            .message(
                5, new ProtoWriter().string(1, "else_branch").varint(20, 5).message(6, branch));
    ProtoWriter graph =
        new ProtoWriter()
            .message(1, ifNode)
            .string(2, "conditional")
            .message(11, tensorValue("cond", 9, new Object[] {}))
            .message(12, tensorValue("y", FLOAT, new Object[] {2L}));
    return model(graph);
  }

  /**
   * ONNX-ML's ZipMap: class scores {@code float[N, 2]} in, a sequence of maps from class label to
   * score out, as scikit-learn classifiers converted to ONNX produce.
   */
  public static byte[] zipMap() {
    ProtoWriter zipMap =
        node("ZipMap", List.of("scores"), List.of("probabilities"))
            .string(7, "ai.onnx.ml")
            .message(
                5,
                new ProtoWriter()
                    .string(1, "classlabels_int64s")
                    .varint(20, 7)
                    .varint(8, 0)
                    .varint(8, 1));
    ProtoWriter sequenceOfMaps =
        new ProtoWriter()
            .message(
                4,
                new ProtoWriter()
                    .message(
                        1,
                        new ProtoWriter()
                            .message(
                                5,
                                new ProtoWriter()
                                    .varint(1, INT64)
                                    .message(
                                        2,
                                        new ProtoWriter()
                                            .message(1, new ProtoWriter().varint(1, FLOAT))))));
    ProtoWriter graph =
        new ProtoWriter()
            .message(1, zipMap)
            .string(2, "zipmap")
            .message(11, tensorValue("scores", FLOAT, new Object[] {"N", 2L}))
            .message(12, new ProtoWriter().string(1, "probabilities").message(2, sequenceOfMaps));
    return new ProtoWriter()
        .varint(1, IR_VERSION)
        .string(2, "test-writer")
        .string(3, "1.0")
        .message(7, graph)
        .message(8, opset("", OPSET))
        .message(8, opset("ai.onnx.ml", 3))
        .toByteArray();
  }

  /** A well-formed model whose only node is an operator no runtime knows. */
  static byte[] unknownOperator() {
    ProtoWriter graph =
        new ProtoWriter()
            .message(1, node("NoSuchOperator", List.of("x"), List.of("y")))
            .string(2, "unknown")
            .message(11, tensorValue("x", FLOAT, new Object[] {1L}))
            .message(12, tensorValue("y", FLOAT, new Object[] {1L}));
    return model(graph);
  }

  /**
   * {@code y = Identity(x)} with {@code x} and {@code y} of the given element type (a
   * TensorProto.DataType code) and shape {@code [batch, 3]}.
   */
  public static byte[] identity(int elementType) {
    ProtoWriter graph =
        new ProtoWriter()
            .message(1, node("Identity", List.of("x"), List.of("y")))
            .string(2, "identity")
            .message(11, tensorValue("x", elementType, new Object[] {"batch", 3L}))
            .message(12, tensorValue("y", elementType, new Object[] {"batch", 3L}));
    return model(graph);
  }

  /**
   * {@code y = Cast(x)} from {@code int64[batch, 3]} to the given element type: outputs of types
   * that cannot be fed from Java.
   */
  public static byte[] castFromInt64(int to) {
    ProtoWriter cast =
        node("Cast", List.of("x"), List.of("y"))
            .message(5, new ProtoWriter().string(1, "to").varint(3, to).varint(20, 2));
    ProtoWriter graph =
        new ProtoWriter()
            .message(1, cast)
            .string(2, "cast")
            .message(11, tensorValue("x", INT64, new Object[] {"batch", 3L}))
            .message(12, tensorValue("y", to, new Object[] {"batch", 3L}));
    return model(graph);
  }

  /**
   * SplitToSequence: {@code x: float[N, 2]} in, a sequence of N tensors {@code float[1, 2]} out.
   */
  public static byte[] splitToSequence() {
    ProtoWriter sequenceOfTensors =
        new ProtoWriter()
            .message(
                4,
                new ProtoWriter()
                    .message(1, new ProtoWriter().message(1, new ProtoWriter().varint(1, FLOAT))));
    ProtoWriter graph =
        new ProtoWriter()
            .message(1, node("SplitToSequence", List.of("x"), List.of("parts")))
            .string(2, "split")
            .message(11, tensorValue("x", FLOAT, new Object[] {"N", 2L}))
            .message(12, new ProtoWriter().string(1, "parts").message(2, sequenceOfTensors));
    return model(graph);
  }

  static byte[] withoutGraph() {
    return new ProtoWriter()
        .varint(1, IR_VERSION)
        .string(2, "test-writer")
        .message(8, opset("", OPSET))
        .toByteArray();
  }

  static byte[] withoutOpset() {
    return new ProtoWriter()
        .varint(1, IR_VERSION)
        .message(7, matMulAddGraph(initializer("W", new long[] {4, 2}, 0.5f)))
        .toByteArray();
  }

  private static byte[] model(ProtoWriter graph) {
    return new ProtoWriter()
        .varint(1, IR_VERSION)
        .string(2, "test-writer")
        .string(3, "1.0")
        .message(7, graph)
        .message(8, opset("", OPSET))
        .toByteArray();
  }

  private static ProtoWriter matMulAddGraph(ProtoWriter weights) {
    return new ProtoWriter()
        .message(1, node("MatMul", List.of("x", "W"), List.of("xw")))
        .message(1, node("Add", List.of("xw", "b"), List.of("y")))
        .string(2, "linear")
        .message(5, weights)
        .message(5, initializer("b", new long[] {2}, 1f, 2f))
        .message(11, tensorValue("x", FLOAT, new Object[] {"batch", 4L}))
        .message(12, tensorValue("y", FLOAT, new Object[] {"batch", 2L}));
  }

  private static ProtoWriter opset(String domain, long version) {
    return new ProtoWriter().string(1, domain).varint(2, version);
  }

  private static ProtoWriter node(String opType, List<String> inputs, List<String> outputs) {
    ProtoWriter node = new ProtoWriter();
    inputs.forEach(i -> node.string(1, i));
    outputs.forEach(o -> node.string(2, o));
    return node.string(3, opType.toLowerCase(Locale.ROOT) + "_node").string(4, opType);
  }

  /** A tensor-typed value; each dimension is a size (Long) or a symbolic name (String). */
  private static ProtoWriter tensorValue(String name, int elementType, Object[] dims) {
    ProtoWriter shape = new ProtoWriter();
    for (Object dim : dims) {
      ProtoWriter dimension = new ProtoWriter();
      if (dim instanceof Long size) {
        dimension.varint(1, size);
      } else {
        dimension.string(2, (String) dim);
      }
      shape.message(1, dimension);
    }
    ProtoWriter tensorType = new ProtoWriter().varint(1, elementType).message(2, shape);
    return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
  }

  /** A float tensor; when fewer values than elements are given, the last one repeats. */
  private static ProtoWriter initializer(String name, long[] dims, float... values) {
    long count = 1;
    for (long d : dims) {
      count *= d;
    }
    ByteBuffer raw = ByteBuffer.allocate((int) count * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      raw.putFloat(values[Math.min(i, values.length - 1)]);
    }
    ProtoWriter tensor = new ProtoWriter();
    for (long d : dims) {
      tensor.varint(1, d);
    }
    return tensor.varint(2, FLOAT).string(8, name).bytes(9, raw.array());
  }

  private static ProtoWriter externalTensor(String name, long[] dims, String location) {
    ProtoWriter tensor = new ProtoWriter();
    for (long d : dims) {
      tensor.varint(1, d);
    }
    return tensor
        .varint(2, FLOAT)
        .string(8, name)
        .message(13, new ProtoWriter().string(1, "location").string(2, location))
        .message(13, new ProtoWriter().string(1, "offset").string(2, "0"))
        .varint(14, 1);
  }
}
