package org.mlplatform.benchmarks.serving;

import ai.onnxruntime.OrtException;

/** Calls the bare session: input tensor, run, output copied out; no HTTP, no JSON. */
final class BareClient implements LoadRun.Client<float[]> {

  private final BareSession session;
  private final float[] row;
  private final float[] expected;

  BareClient(BareSession session, float[] row, float[] expected) {
    this.session = session;
    this.row = row.clone();
    this.expected = expected.clone();
  }

  @Override
  public float[] call() throws OrtException {
    return session.predict(row);
  }

  @Override
  public void check(float[] answer) {
    double[] actual = new double[answer.length];
    for (int i = 0; i < answer.length; i++) {
      actual[i] = answer[i];
    }
    Agreement.require("the bare session", expected, actual);
  }
}
