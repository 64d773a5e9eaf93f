package org.mlplatform.domain.models.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.domain.models.compare.SignatureChange.Kind;

/** Finds the differences between two signatures, matching inputs and outputs by name. */
final class SignatureDiff {

  private SignatureDiff() {}

  static List<SignatureChange> between(ModelSignature base, ModelSignature candidate) {
    List<SignatureChange> changes = new ArrayList<>();
    compare(
        base.inputs(),
        candidate.inputs(),
        Kind.INPUT_ADDED,
        Kind.INPUT_REMOVED,
        Kind.INPUT_CHANGED,
        changes);
    compare(
        base.outputs(),
        candidate.outputs(),
        Kind.OUTPUT_ADDED,
        Kind.OUTPUT_REMOVED,
        Kind.OUTPUT_CHANGED,
        changes);
    if (base.opset() != candidate.opset()) {
      changes.add(
          new SignatureChange(
              Kind.OPSET_CHANGED,
              "",
              Long.toString(base.opset()),
              Long.toString(candidate.opset())));
    }
    String baseProducer = producer(base);
    String candidateProducer = producer(candidate);
    if (!baseProducer.equals(candidateProducer)) {
      changes.add(new SignatureChange(Kind.PRODUCER_CHANGED, "", baseProducer, candidateProducer));
    }
    return changes;
  }

  /** A tensor as one line of text: {@code TENSOR FP32 [batch, 8]}. */
  static String describe(TensorSpec spec) {
    StringBuilder text = new StringBuilder(spec.kind().name());
    if (spec.elementType() != null) {
      text.append(' ').append(spec.elementType());
    }
    if (!spec.detail().isEmpty()) {
      text.append(' ').append(spec.detail());
    }
    if (!spec.shape().isEmpty() || spec.kind() == org.mlplatform.domain.models.ValueKind.TENSOR) {
      text.append(' ').append(spec.shape());
    }
    return text.toString();
  }

  private static void compare(
      List<TensorSpec> base,
      List<TensorSpec> candidate,
      Kind added,
      Kind removed,
      Kind changed,
      List<SignatureChange> changes) {
    Map<String, TensorSpec> before = byName(base);
    Map<String, TensorSpec> after = byName(candidate);
    for (TensorSpec spec : base) {
      TensorSpec other = after.get(spec.name());
      if (other == null) {
        changes.add(new SignatureChange(removed, spec.name(), describe(spec), ""));
      } else if (!describe(spec).equals(describe(other))) {
        changes.add(new SignatureChange(changed, spec.name(), describe(spec), describe(other)));
      }
    }
    for (TensorSpec spec : candidate) {
      if (!before.containsKey(spec.name())) {
        changes.add(new SignatureChange(added, spec.name(), "", describe(spec)));
      }
    }
  }

  private static Map<String, TensorSpec> byName(List<TensorSpec> specs) {
    return specs.stream()
        .collect(Collectors.toMap(TensorSpec::name, Function.identity(), (a, b) -> a));
  }

  private static String producer(ModelSignature signature) {
    return (signature.producerName() + " " + signature.producerVersion()).strip();
  }
}
