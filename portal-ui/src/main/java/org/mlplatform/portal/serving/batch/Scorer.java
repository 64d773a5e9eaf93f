package org.mlplatform.portal.serving.batch;

import ai.onnxruntime.OrtException;
import java.util.List;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OutputTensor;

/** Runs one chunk's input tensor through the model; the outputs are copied out of native memory. */
interface Scorer {

  List<OutputTensor> score(InputTensor input) throws OrtException;
}
