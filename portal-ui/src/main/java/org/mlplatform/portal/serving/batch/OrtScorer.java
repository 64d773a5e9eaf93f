package org.mlplatform.portal.serving.batch;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.util.List;
import java.util.Set;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OrtRunner;
import org.mlplatform.serving.inference.OutputTensor;

/**
 * A session of the batch's own, opened on the version's bytes and closed when the run ends. Not the
 * serving deployment's: a batch must not take a served version's session away (or hold it open
 * after a swap), and it works for versions that are not deployed at all.
 *
 * <p>One intra-op thread and no spinning, as serving sessions: the batch runs on a job thread
 * beside the request threads, and on a small machine more threads would only slow serving down.
 */
final class OrtScorer implements Scorer, AutoCloseable {

  private final OrtEnvironment environment;
  private final OrtSession session;

  private OrtScorer(OrtEnvironment environment, OrtSession session) {
    this.environment = environment;
    this.session = session;
  }

  static OrtScorer open(OrtEnvironment environment, byte[] model) throws OrtException {
    try (SessionOptions options = new SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      return new OrtScorer(environment, environment.createSession(model, options));
    }
  }

  @Override
  public List<OutputTensor> score(InputTensor input) throws OrtException {
    return OrtRunner.run(environment, session, List.of(input), Set.of());
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
