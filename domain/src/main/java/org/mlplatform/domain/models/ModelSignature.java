package org.mlplatform.domain.models;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model file says about itself, read when the version is registered: its inputs and outputs,
 * the ONNX opset of the default domain and which tool produced it.
 */
public record ModelSignature(
    List<TensorSpec> inputs,
    List<TensorSpec> outputs,
    long opset,
    String producerName,
    String producerVersion) {

  public ModelSignature {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    producerName = Objects.requireNonNullElse(producerName, "");
    producerVersion = Objects.requireNonNullElse(producerVersion, "");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one input");
    }
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one output");
    }
  }

  public Optional<TensorSpec> input(String name) {
    return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  public Optional<TensorSpec> output(String name) {
    return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
  }
}
