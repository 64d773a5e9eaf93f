package org.mlplatform.serving.inference;

import java.util.List;
import java.util.Objects;

/**
 * An inference request as read from the wire.
 *
 * @param id the caller's request id, echoed in the response; null when the caller sent none
 * @param inputs in the order the caller sent them, names unique
 * @param requestedOutputs the outputs the caller asked for, in order; empty for all of them
 */
public record InferenceRequest(String id, List<InputTensor> inputs, List<String> requestedOutputs) {

  public InferenceRequest {
    inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    requestedOutputs = requestedOutputs == null ? List.of() : List.copyOf(requestedOutputs);
  }
}
