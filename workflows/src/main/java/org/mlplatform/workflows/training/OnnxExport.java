package org.mlplatform.workflows.training;

import ai.onnx.proto.OnnxMl.ModelProto;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;

/** Exports a Tribuo model to ONNX bytes that depend only on the model. */
final class OnnxExport {

  /** The ONNX {@code domain} of models trained here. */
  static final String DOMAIN = "org.mlplatform";

  private OnnxExport() {}

  /**
   * The model as ONNX, without Tribuo's provenance (the metadata entry and the doc string that
   * repeats it): it records the host, paths and wall clock of the run, which would leak into
   * downloads and make identical runs differ byte for byte. The registry keeps the lineage instead.
   *
   * @param modelVersion the ONNX {@code model_version}; the registry numbers versions itself
   * @param description the doc string to put in the provenance's place
   */
  static byte[] toBytes(Model<?> model, long modelVersion, String description) {
    if (!(model instanceof ONNXExportable exportable)) {
      throw new IllegalStateException(
          model.getClass().getSimpleName() + " cannot be exported to ONNX");
    }
    ModelProto proto = exportable.exportONNXModel(DOMAIN, modelVersion);
    return proto.toBuilder().clearMetadataProps().setDocString(description).build().toByteArray();
  }
}
