package org.mlplatform.benchmarks.promotion;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.mlplatform.benchmarks.RenewingToken;

/**
 * How long after a reviewer's approval the new version answers, with predictions running throughout
 * and none failing. Against a running platform:
 *
 * <ol>
 *   <li>alice (data scientist) creates the model {@code bench_promotion} unless it exists; when it
 *       has no champion yet, she uploads a version ({@link PromotionModel}) and asks for its
 *       promotion, bob (reviewer) approves it, and the platform deploys the new champion;
 *   <li>once the deployment is READY, {@code clients} threads predict back to back on {@code
 *       /v2/models/bench_promotion/infer} ({@link Traffic}), one row per request, recording the
 *       version of every answer with its arrival;
 *   <li>each round: alice uploads version K (same bytes, same metrics, so the automated checks
 *       pass) and asks for its promotion without a canary; bob finds the review task in his inbox
 *       and approves it, t0 being taken just before that call is sent; the round ends once every
 *       client's latest answer came from K and the process ended with outcome {@code deployed};
 *   <li>after the last round the clients stop, and {@link PromotionReport} measures from the
 *       recorded answers, for each round, the first answer from K and the moment from which every
 *       answer came from K, both from t0; it prints their p50, p90 and max, the approve call's own
 *       latency, the predictions, their rate and every failure.
 * </ol>
 *
 * <p>Arguments (see {@link PromotionOptions}): base URL, token URL, then {@code rounds=20 clients=4
 * model=bench_promotion timeout=120}. The run fails when a promotion does not end as {@code
 * deployed}; failed predictions do not stop it but are counted and printed.
 */
public final class PromotionLatencyDriver {

  private static final Logger LOG = Logger.getLogger(PromotionLatencyDriver.class.getName());
  private static final long WAIT_MILLIS = 2;
  private static final Duration WARM_UP = Duration.ofSeconds(3);

  private PromotionLatencyDriver() {}

  public static void main(String[] args) throws Exception {
    PromotionOptions options = PromotionOptions.parse(args);
    String model = options.model();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    RenewingToken alice = new RenewingToken(http, options.tokenUrl().toString());
    PromotionApi api =
        new PromotionApi(
            http,
            options.base(),
            alice,
            new RenewingToken(http, options.tokenUrl().toString(), "bob"));
    byte[] onnx = PromotionModel.onnx();

    api.createModel(model);
    OptionalInt champion = api.champion(model);
    int served;
    if (champion.isPresent()) {
      served = champion.getAsInt();
      LOG.info(() -> model + " exists: its champion v" + served + " is served first");
    } else {
      served = api.upload(model, onnx, PromotionModel.METADATA);
      String process = api.requestPromotion(model, served);
      api.approve(api.reviewTask(process, options.roundTimeout()));
      requireDeployed(model, served, api.awaitOutcome(process, options.roundTimeout()));
      LOG.info(() -> model + " v" + served + " promoted to champion");
    }
    api.awaitReady(model, options.roundTimeout());
    PromotionApi.Input input = api.input(model, served);
    byte[] body = requestBody(input, PromotionModel.row(input.width()));

    List<PromotionReport.Round> rounds = new ArrayList<>();
    Traffic.Answers answers;
    try (Traffic traffic = new Traffic(options.base(), model, alice, body, options.clients())) {
      awaitEveryClient(traffic, served, System.nanoTime(), options.roundTimeout());
      Thread.sleep(WARM_UP.toMillis());
      LOG.info(
          () ->
              options.clients()
                  + " clients predicting on v"
                  + served
                  + "; "
                  + options.rounds()
                  + " promotions follow");
      for (int r = 1; r <= options.rounds(); r++) {
        int version = api.upload(model, onnx, PromotionModel.METADATA);
        String process = api.requestPromotion(model, version);
        String task = api.reviewTask(process, options.roundTimeout());
        long t0 = System.nanoTime();
        api.approve(task);
        long approveNanos = System.nanoTime() - t0;
        awaitEveryClient(traffic, version, t0, options.roundTimeout());
        long everyClientNanos = System.nanoTime() - t0;
        requireDeployed(model, version, api.awaitOutcome(process, options.roundTimeout()));
        long endedNanos = System.nanoTime() - t0;
        rounds.add(new PromotionReport.Round(version, t0, approveNanos, endedNanos));
        int round = r;
        LOG.info(
            () ->
                String.format(
                    Locale.ROOT,
                    "round %d/%d: v%d approved in %.1f ms; every client on v%d within %.0f ms;"
                        + " process ended after %.0f ms; %,d predictions so far",
                    round,
                    options.rounds(),
                    version,
                    approveNanos / 1e6,
                    version,
                    everyClientNanos / 1e6,
                    endedNanos / 1e6,
                    traffic.answered()));
      }
      Thread.sleep(WARM_UP.toMillis()); // answers after the last swap count too
      answers = traffic.stop();
    }
    PromotionReport report = new PromotionReport(options, rounds, answers);
    for (String line : report.roundLines()) {
      LOG.info(line);
    }
    LOG.info(report.table(command(options)));
  }

  /** {@code {"inputs":[{"name":..,"shape":[1,width],"datatype":"FP32","data":[..]}]}}. */
  static byte[] requestBody(PromotionApi.Input input, float[] row) {
    StringBuilder json = new StringBuilder("{\"inputs\":[{\"name\":\"");
    json.append(input.name()).append("\",\"shape\":[1,").append(row.length);
    json.append("],\"datatype\":\"FP32\",\"data\":[");
    for (int i = 0; i < row.length; i++) {
      json.append(i == 0 ? "" : ",").append(row[i]);
    }
    return json.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Waits until every client's latest answer, arrived after {@code since}, came from the version.
   */
  private static void awaitEveryClient(Traffic traffic, int version, long since, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!(traffic.allAnsweredSince(since) && traffic.allAnswer(version))) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "not every client had an answer from v"
                + version
                + " within "
                + timeout.toSeconds()
                + " s");
      }
      Thread.sleep(WAIT_MILLIS);
    }
  }

  private static void requireDeployed(String model, int version, String outcome) {
    if (!outcome.equals("deployed")) {
      throw new IllegalStateException(
          "the promotion of " + model + " v" + version + " ended as '" + outcome + "'");
    }
  }

  /** The command that repeats this run, for the README row. */
  private static String command(PromotionOptions options) {
    return "./mvnw -q -pl benchmarks exec:exec@promotion -Dpromotion.args=\""
        + options.base()
        + " "
        + options.tokenUrl()
        + " rounds="
        + options.rounds()
        + (options.clients() == 4 ? "" : " clients=" + options.clients())
        + (options.model().equals("bench_promotion") ? "" : " model=" + options.model())
        + "\"";
  }
}
