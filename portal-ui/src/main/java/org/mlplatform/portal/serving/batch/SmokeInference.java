package org.mlplatform.portal.serving.batch;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.mlplatform.domain.models.ModelVersion;

/**
 * Runs a version on the first rows of a CSV (its training set), as a promotion check: the session
 * opens, every row scores, and every prediction is a finite number.
 */
public final class SmokeInference {

  /** A cell the result CSV writes for a non-finite prediction. */
  private static final Pattern NON_FINITE = Pattern.compile("(^|,)(-?Infinity|NaN)(,|$)");

  private SmokeInference() {}

  /**
   * @return how many rows scored
   * @throws IllegalArgumentException when the model fails on a row or predicts a non-finite value,
   *     with the reason
   */
  public static long run(
      OrtEnvironment environment, ModelVersion version, byte[] onnx, InputStream csv, int maxRows)
      throws IOException, OrtException, InterruptedException {
    BatchModel model = BatchModel.of(version);
    StringWriter out = new StringWriter();
    BatchRun.Outcome outcome;
    try (OrtScorer scorer = OrtScorer.open(environment, onnx)) {
      outcome =
          new BatchRun(model, scorer, Math.max(1, maxRows))
              .run(csv, -1, out, "trainingSet", (f, r) -> {}, maxRows);
    }
    String[] lines = out.toString().split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      if (NON_FINITE.matcher(lines[i]).find()) {
        throw new IllegalArgumentException("row " + i + " got a non-finite prediction");
      }
    }
    if (outcome.rows() == 0) {
      throw new IllegalArgumentException("the training set has no rows to run on");
    }
    return outcome.rows();
  }
}
