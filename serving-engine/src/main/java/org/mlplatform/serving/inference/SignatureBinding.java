package org.mlplatform.serving.inference;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.ValueKind;

/**
 * Checks a request against the signature of the model version it is for, so that the caller gets a
 * message in the protocol's terms instead of ONNX Runtime's. Messages list the valid names.
 */
public final class SignatureBinding {

  /**
   * ONNX Runtime's Java API creates tensors of Java's signed types and UINT8 only: a model input of
   * these types cannot be fed from Java (their outputs can be read).
   */
  static final Set<ElementType> UNFEEDABLE =
      Set.of(ElementType.UINT16, ElementType.UINT32, ElementType.UINT64);

  private SignatureBinding() {}

  /**
   * @throws InferenceException an input is unknown, missing, not a tensor the platform can feed, or
   *     of the wrong datatype or shape; or a requested output is unknown
   */
  public static void check(ModelSignature signature, InferenceRequest request) {
    for (InputTensor input : request.inputs()) {
      TensorSpec spec =
          signature
              .input(input.name())
              .orElseThrow(
                  () ->
                      new InferenceException(
                          "unknown input '"
                              + input.name()
                              + "'; the model's inputs are "
                              + names(signature.inputs())));
      checkInput(spec, input);
    }
    Set<String> sent = request.inputs().stream().map(InputTensor::name).collect(Collectors.toSet());
    for (TensorSpec spec : signature.inputs()) {
      if (!sent.contains(spec.name())) {
        throw new InferenceException(
            "missing input '"
                + spec.name()
                + "' "
                + describe(spec)
                + "; the model needs "
                + names(signature.inputs()));
      }
    }
    for (String output : request.requestedOutputs()) {
      if (signature.output(output).isEmpty()) {
        throw new InferenceException(
            "unknown output '"
                + output
                + "'; the model's outputs are "
                + names(signature.outputs()));
      }
    }
  }

  /**
   * Whether requests can be run together as one batch and the results split by rows: every input,
   * and every tensor output, has a dynamic first axis.
   */
  public static boolean batchable(ModelSignature signature) {
    boolean inputs = signature.inputs().stream().allMatch(SignatureBinding::dynamicFirstAxis);
    boolean outputs =
        signature.outputs().stream()
            .filter(o -> o.kind() == ValueKind.TENSOR)
            .allMatch(SignatureBinding::dynamicFirstAxis);
    return inputs && outputs;
  }

  private static boolean dynamicFirstAxis(TensorSpec spec) {
    return spec.kind() == ValueKind.TENSOR
        && !spec.shape().isEmpty()
        && spec.shape().getFirst().isDynamic();
  }

  private static void checkInput(TensorSpec spec, InputTensor input) {
    String name = input.name();
    if (spec.kind() != ValueKind.TENSOR || spec.elementType() == null) {
      throw new InferenceException(
          "input '"
              + name
              + "' is a "
              + (spec.detail().isEmpty()
                  ? spec.kind().name().toLowerCase(Locale.ROOT)
                  : spec.detail())
              + ", which is not supported over the inference protocol");
    }
    if (UNFEEDABLE.contains(spec.elementType())) {
      throw unfeedable(name, spec.elementType());
    }
    if (input.datatype() != spec.elementType()) {
      throw new InferenceException(
          "input '" + name + "' expects " + spec.elementType() + ", got " + input.datatype());
    }
    long[] shape = input.shape();
    if (!spec.accepts(shape)) {
      throw new InferenceException(
          "input '"
              + name
              + "' expects shape "
              + spec.sizes()
              + " (-1: any length), got "
              + Shapes.describe(shape));
    }
  }

  static InferenceException unfeedable(String name, ElementType type) {
    return new InferenceException(
        "input '"
            + name
            + "' is "
            + type
            + ", which ONNX Runtime's Java API cannot pass to a model; not supported");
  }

  private static String describe(TensorSpec spec) {
    return spec.kind() == ValueKind.TENSOR
        ? spec.elementType() + " " + spec.sizes()
        : spec.detail();
  }

  private static String names(List<TensorSpec> specs) {
    return specs.stream().map(TensorSpec::name).collect(Collectors.joining(", ", "[", "]"));
  }
}
