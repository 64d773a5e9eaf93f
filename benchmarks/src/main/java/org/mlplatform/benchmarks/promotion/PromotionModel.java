package org.mlplatform.benchmarks.promotion;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * The model every round promotes: a two-class linear classifier with fixed weights, {@code output =
 * Softmax(Gemm(input, weights, bias))} over FP32 {@code [batch, 8]}, built with Tribuo's ONNX graph
 * builder (the shape Tribuo's logistic regression exports). Every version is the same bytes with
 * the same metadata and metrics, so the promotion checks pass and only the version number tells the
 * versions apart in an answer.
 */
final class PromotionModel {

  static final int FEATURES = 8;
  static final List<String> LABELS = List.of("no", "yes");

  /** What every version registers: its features in column order, labels and held-out metric. */
  static final String METADATA =
      "{\"description\":\"promotion benchmark: a fixed linear classifier, 8 features\","
          + "\"features\":[\"f0\",\"f1\",\"f2\",\"f3\",\"f4\",\"f5\",\"f6\",\"f7\"],"
          + "\"labels\":[\"no\",\"yes\"],\"metrics\":{\"accuracy\":0.9}}";

  private static final long IR_VERSION = 8;

  private PromotionModel() {}

  static byte[] onnx() {
    ONNXContext context = new ONNXContext();
    context.setName("promotion-benchmark");
    ONNXPlaceholder input = context.floatInput("input", FEATURES);
    ONNXPlaceholder output = context.floatOutput("output", LABELS.size());
    ONNXInitializer weights =
        context.floatTensor(
            "weights",
            List.of(FEATURES, LABELS.size()),
            buffer -> {
              for (int f = 0; f < FEATURES; f++) {
                float w = (f % 2 == 0 ? 0.5f : -0.25f) / (f + 1);
                buffer.put(-w).put(w);
              }
            });
    ONNXInitializer bias = context.array("bias", new float[] {0.125f, -0.125f});
    input
        .apply(ONNXOperators.GEMM, List.<ONNXRef<?>>of(weights, bias))
        .apply(ONNXOperators.SOFTMAX, Map.<String, Object>of("axis", 1))
        .assignTo(output);
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("org.mlplatform.benchmarks")
        .setDocString("promotion benchmark: a fixed linear classifier, 8 features")
        .addOpsetImport(ONNXOperators.getOpsetProto())
        .setGraph(context.buildGraph())
        .build()
        .toByteArray();
  }

  /** The row every prediction sends, {@code width} values in column order. */
  static float[] row(int width) {
    float[] row = new float[width];
    for (int f = 0; f < width; f++) {
      row[f] = (f - 3.5f) / 4;
    }
    return row;
  }
}
