package org.mlplatform.benchmarks.serving;

import java.io.IOException;
import java.net.URI;
import org.mlplatform.benchmarks.KeepAliveConnection;
import org.mlplatform.benchmarks.RenewingToken;

/**
 * POSTs the fixed Open Inference Protocol body to an infer path over its own keep-alive connection
 * and checks each answer: 200, and the first output's data equal to the bare session's.
 */
final class OipClient implements LoadRun.Client<KeepAliveConnection.Answer> {

  private final String what;
  private final KeepAliveConnection connection;
  private final String path;
  private final RenewingToken tokens;
  private final byte[] body;
  private final float[] expected;
  private String bearer;

  /**
   * @param tokens the bearer tokens to send, or null to send none
   */
  OipClient(String what, URI base, String path, RenewingToken tokens, byte[] body, float[] expected)
      throws IOException {
    this.what = what;
    this.connection = new KeepAliveConnection(base);
    this.path = path;
    this.tokens = tokens;
    this.body = body.clone();
    this.expected = expected.clone();
  }

  @Override
  public void prepare() throws IOException, InterruptedException {
    bearer = tokens == null ? null : tokens.current();
    connection.reopenIfClosing();
  }

  @Override
  public KeepAliveConnection.Answer call() throws IOException {
    return connection.postJson(path, bearer, body);
  }

  @Override
  public void check(KeepAliveConnection.Answer answer) {
    if (answer.status() != 200) {
      throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.text());
    }
    double[] outputs;
    try {
      outputs = MinimalOip.outputData(answer.body());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          what + " answered something unreadable (" + e.getMessage() + "): " + answer.text(), e);
    }
    Agreement.require(what, expected, outputs);
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
