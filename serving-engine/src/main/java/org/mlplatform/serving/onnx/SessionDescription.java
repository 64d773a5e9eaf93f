package org.mlplatform.serving.onnx;

import java.util.List;
import org.mlplatform.domain.models.TensorSpec;

/** The inputs and outputs an ONNX Runtime session reported for a model. */
record SessionDescription(List<TensorSpec> inputs, List<TensorSpec> outputs) {}
