package org.mlplatform.serving.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.TensorData;

/** One zero-filled input per model input, dynamic axes of length one. */
final class WarmupInputs {

  private static final long MAX_ELEMENTS = 16L << 20;

  private WarmupInputs() {}

  /** Empty when an input cannot be built from zeros (structured inputs, half floats, huge). */
  static Optional<List<InputTensor>> zeros(ModelSignature signature) {
    List<InputTensor> inputs = new ArrayList<>();
    for (TensorSpec spec : signature.inputs()) {
      if (spec.kind() != ValueKind.TENSOR) {
        return Optional.empty();
      }
      long[] shape = spec.shape().stream().mapToLong(d -> d.isDynamic() ? 1 : d.size()).toArray();
      long elements = Arrays.stream(shape).reduce(1, Math::multiplyExact);
      if (elements > MAX_ELEMENTS) {
        return Optional.empty();
      }
      Optional<TensorData> data = zeros(spec.elementType(), (int) elements);
      if (data.isEmpty()) {
        return Optional.empty();
      }
      inputs.add(new InputTensor(spec.name(), spec.elementType(), shape, data.get()));
    }
    return Optional.of(inputs);
  }

  private static Optional<TensorData> zeros(ElementType type, int n) {
    return Optional.ofNullable(
        switch (type) {
          case FP32 -> TensorData.ofFloats(new float[n]);
          case FP64 -> TensorData.ofDoubles(new double[n]);
          case INT64, UINT64, UINT32 -> TensorData.ofLongs(type, new long[n]);
          case INT32, INT16, INT8, UINT16, UINT8 -> TensorData.ofInts(type, new int[n]);
          case BOOL -> TensorData.ofBooleans(new boolean[n]);
          case BYTES -> {
            String[] empty = new String[n];
            Arrays.fill(empty, "");
            yield TensorData.ofStrings(empty);
          }
          case FP16, BF16 -> null;
        });
  }
}
