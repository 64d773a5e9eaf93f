package org.mlplatform.benchmarks.serving;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.mlplatform.benchmarks.KeepAliveConnection;
import org.mlplatform.benchmarks.RenewingToken;

/**
 * Predicts by entity key ({@code POST /api/v1/models/<model>/predict}) for a random entity per call
 * over its own keep-alive connection, and checks each answer: 200, and the probabilities per label
 * equal to the bare session's on that entity's row.
 */
final class PredictClient implements LoadRun.Client<KeepAliveConnection.Answer> {

  private final KeepAliveConnection connection;
  private final String path;
  private final RenewingToken tokens;
  private final List<byte[]> bodies;
  private final float[][] expected;
  private final List<String> labels;
  private String bearer;
  private int entity;

  /**
   * @param bodies one request body per entity, from {@link #bodies}
   * @param expected the bare session's probabilities per entity, in label order
   * @param labels the class labels in the model's output order
   */
  PredictClient(
      URI base,
      String model,
      RenewingToken tokens,
      List<byte[]> bodies,
      float[][] expected,
      List<String> labels)
      throws IOException {
    this.connection = new KeepAliveConnection(base);
    this.path = "/api/v1/models/" + model + "/predict";
    this.tokens = tokens;
    this.bodies = bodies;
    this.expected = expected;
    this.labels = List.copyOf(labels);
  }

  /**
   * One body per entity: {@code {"entities":{"<join key>":[e]}}}, and with {@code overrides} every
   * feature's value too ({@code "features":{"view:f0":[..],...}}), so that no online value is used.
   *
   * @param features the model's features as {@code view:feature}, in input order
   */
  static List<byte[]> bodies(
      String joinKey, List<String> features, float[][] rows, boolean overrides) {
    byte[][] bodies = new byte[rows.length][];
    for (int e = 0; e < rows.length; e++) {
      StringBuilder json = new StringBuilder(256);
      json.append("{\"entities\":{\"").append(joinKey).append("\":[").append(e).append("]}");
      if (overrides) {
        json.append(",\"features\":{");
        for (int f = 0; f < features.size(); f++) {
          json.append(f == 0 ? "" : ",").append('"').append(features.get(f)).append("\":[");
          json.append(BenchInputs.text(rows[e][f])).append(']');
        }
        json.append('}');
      }
      bodies[e] = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
    return List.of(bodies);
  }

  @Override
  public void prepare() throws IOException, InterruptedException {
    entity = ThreadLocalRandom.current().nextInt(bodies.size());
    bearer = tokens.current();
    connection.reopenIfClosing();
  }

  @Override
  public KeepAliveConnection.Answer call() throws IOException {
    return connection.postJson(path, bearer, bodies.get(entity));
  }

  @Override
  public void check(KeepAliveConnection.Answer answer) {
    String what = "predict by key for entity " + entity;
    String text = answer.text();
    if (answer.status() != 200) {
      throw new IllegalStateException(what + " answered " + answer.status() + ": " + text);
    }
    int probabilities = text.indexOf("\"probabilities\"");
    if (probabilities < 0) {
      throw new IllegalStateException(what + " answered no probabilities: " + text);
    }
    double[] actual = new double[labels.size()];
    for (int k = 0; k < actual.length; k++) {
      actual[k] = number(text, probabilities, labels.get(k), what);
    }
    Agreement.require(what, expected[entity], actual);
  }

  /** The number after {@code "label":} following {@code from}. */
  private static double number(String text, int from, String label, String what) {
    String key = "\"" + label + "\":";
    int at = text.indexOf(key, from);
    if (at < 0) {
      throw new IllegalStateException(what + " answered no probability of " + label + ": " + text);
    }
    int start = at + key.length();
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < text.length() && "+-.0123456789eE".indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    try {
      return Double.parseDouble(text.substring(start, end));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(what + " answered an unreadable " + label + ": " + text, e);
    }
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
