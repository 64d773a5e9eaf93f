package org.mlplatform.serving.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ONNX models made by others, unpacked by the build from Maven Central artifacts and pinned by
 * SHA-256 in serving-engine/pom.xml (see there for where each comes from).
 */
enum ThirdPartyModels {
  /** PaddleOCR's text-direction classifier: a MobileNetV3 CNN, 585 KB. */
  TEXT_DIRECTION_CNN("models/ch_ppocr_mobile_v2.0_cls_infer.onnx"),
  /** PaddleOCR PP-OCRv3's text detector: a DBNet CNN with dynamic height and width, 2.4 MB. */
  TEXT_DETECTION_CNN("models/ch_PP-OCRv3_det_infer.onnx"),
  /**
   * all-MiniLM-L6-v2, quantized: a BERT sentence embedder with dynamic batch and sequence, 23 MB.
   */
  SENTENCE_EMBEDDER("all-minilm-l6-v2-q.onnx");

  private final String path;

  ThirdPartyModels(String path) {
    this.path = path;
  }

  byte[] bytes() {
    String directory = System.getProperty("mlp.test.third-party-models");
    if (directory == null) {
      throw new IllegalStateException(
          "mlp.test.third-party-models is not set: run the tests through Maven, which unpacks the"
              + " models");
    }
    try {
      return Files.readAllBytes(Path.of(directory, path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
