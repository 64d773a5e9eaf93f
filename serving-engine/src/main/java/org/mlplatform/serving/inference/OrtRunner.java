package org.mlplatform.serving.inference;

import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs inputs through an ONNX Runtime session and copies the outputs out into Java memory. Every
 * native object it creates, input tensors, the result and the values inside sequences, is closed
 * before it returns, whether the run succeeds or not.
 */
public final class OrtRunner {

  private OrtRunner() {}

  /**
   * @param requestedOutputs the outputs to compute; empty for all. Outputs come back in the model's
   *     order either way.
   * @throws InferenceException an input ONNX Runtime's Java API cannot create, or an unknown output
   * @throws OrtException ONNX Runtime failed, for example on a shape the graph cannot compute
   */
  public static List<OutputTensor> run(
      OrtEnvironment env,
      OrtSession session,
      List<InputTensor> inputs,
      Set<String> requestedOutputs)
      throws OrtException {
    Set<String> outputs =
        outputsToRun(session, requestedOutputs == null ? Set.of() : requestedOutputs);
    try (NativeInputs tensors = new NativeInputs(inputs.size())) {
      for (InputTensor input : inputs) {
        if (tensors.byName().containsKey(input.name())) {
          throw new IllegalArgumentException("input '" + input.name() + "' is given twice");
        }
        tensors.put(input.name(), NativeTensors.create(env, input));
      }
      try (OrtSession.Result result = session.run(tensors.byName(), outputs)) {
        List<OutputTensor> copied = new ArrayList<>(result.size());
        for (Map.Entry<String, OnnxValue> output : result) {
          copied.add(copy(output.getKey(), output.getValue()));
        }
        return copied;
      }
    }
  }

  private static Set<String> outputsToRun(OrtSession session, Set<String> requested) {
    Set<String> all = session.getOutputNames();
    if (requested.isEmpty()) {
      return all;
    }
    for (String name : requested) {
      if (!all.contains(name)) {
        throw new InferenceException(
            "unknown output '" + name + "'; the model's outputs are " + all);
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String name : all) {
      if (requested.contains(name)) {
        ordered.add(name);
      }
    }
    return ordered;
  }

  private static OutputTensor copy(String name, OnnxValue value) throws OrtException {
    return switch (value) {
      case OnnxTensor tensor -> NativeTensors.copy(name, tensor);
      case OnnxSequence sequence -> new OutputTensor.Structured(name, items(sequence));
      case OnnxMap map -> new OutputTensor.Structured(name, List.of(plain(map)));
      default ->
          throw new OrtException(
              "output '"
                  + name
                  + "' is a "
                  + value.getType()
                  + ", which the platform cannot return");
    };
  }

  /** The elements of a sequence; ONNX Runtime hands out a new native value for each. */
  private static List<Object> items(OnnxSequence sequence) throws OrtException {
    List<? extends OnnxValue> elements = sequence.getValue();
    List<Object> items = new ArrayList<>(elements.size());
    try {
      for (OnnxValue element : elements) {
        items.add(
            switch (element) {
              case OnnxMap map -> plain(map);
              case OnnxTensor tensor -> tensorItem(tensor);
              default -> throw new OrtException("a sequence of " + element.getType() + " values");
            });
      }
    } finally {
      elements.forEach(OnnxValue::close);
    }
    return items;
  }

  /**
   * A map with its keys as strings, ordered by key (numerically for integer keys) so that the JSON
   * is the same from run to run.
   */
  private static Map<String, Object> plain(OnnxMap map) throws OrtException {
    Map<? extends Object, ? extends Object> value = map.getValue();
    List<Map.Entry<? extends Object, ? extends Object>> entries = new ArrayList<>(value.entrySet());
    entries.sort(
        (a, b) ->
            a.getKey() instanceof Long x && b.getKey() instanceof Long y
                ? Long.compare(x, y)
                : String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
    Map<String, Object> plain = new LinkedHashMap<>();
    for (Map.Entry<? extends Object, ? extends Object> entry : entries) {
      plain.put(String.valueOf(entry.getKey()), entry.getValue());
    }
    return plain;
  }

  /** A tensor inside a sequence, as an object with the fields of a protocol tensor. */
  private static Map<String, Object> tensorItem(OnnxTensor tensor) throws OrtException {
    OutputTensor.Tensor copied = NativeTensors.copy("", tensor);
    List<Object> shape = new ArrayList<>();
    for (long size : copied.shape()) {
      shape.add(size);
    }
    List<Object> data = new ArrayList<>(copied.data().length());
    for (int i = 0; i < copied.data().length(); i++) {
      data.add(copied.data().element(i));
    }
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("datatype", copied.datatype().name());
    item.put("shape", shape);
    item.put("data", data);
    return item;
  }

  /** Input tensors by name, all closed together. */
  private static final class NativeInputs implements AutoCloseable {
    private final Map<String, OnnxTensor> byName;

    NativeInputs(int size) {
      byName = LinkedHashMap.newLinkedHashMap(size);
    }

    void put(String name, OnnxTensor tensor) {
      byName.put(name, tensor);
    }

    Map<String, OnnxTensor> byName() {
      return byName;
    }

    @Override
    public void close() {
      byName.values().forEach(OnnxTensor::close);
    }
  }
}
