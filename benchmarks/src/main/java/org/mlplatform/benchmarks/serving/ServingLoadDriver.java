package org.mlplatform.benchmarks.serving;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.mlplatform.benchmarks.KeepAliveConnection;
import org.mlplatform.benchmarks.RenewingToken;

/**
 * The serving benchmark against a running platform on loopback, in one run: trains a Tribuo
 * logistic regression of 8 features ({@link SyntheticLogisticRegression}), registers and deploys it
 * over REST ({@link PlatformSetup}), then measures, each level after a warm-up, with the same
 * single-row input:
 *
 * <ol>
 *   <li>the bare in-process {@code session.run} ({@link BareSession}: tensor, run, output read) at
 *       concurrency 1 and 32;
 *   <li>a minimal JDK {@code HttpServer} wrapping the same session ({@link MinimalOipServer}), the
 *       floor for HTTP plus JSON, at concurrency 1 and 32;
 *   <li>the platform's {@code POST /v2/models/bench_lr/infer} at concurrency 1 and 32;
 *   <li>the platform's {@code POST /api/v1/models/bench_lr/predict} by entity key, at concurrency
 *       1.
 * </ol>
 *
 * <p>The HTTP targets are called over blocking keep-alive connections, one per caller ({@link
 * KeepAliveConnection}); every answer must be 200 with the bare session's probabilities within
 * 1e-5, or the run fails. Prints one table ({@link ServingReport}) with the goals.
 *
 * <p>Arguments (see {@link ServingOptions}): base URL, token URL, then {@code warmup=5 measure=15
 * concurrency=32 entities=1000 online=true port=8081 targets=bare,jdk,v2,port,predict}. With {@code
 * targets=bare,jdk} no platform is needed.
 */
public final class ServingLoadDriver {

  private static final Logger LOG = Logger.getLogger(ServingLoadDriver.class.getName());
  private static final int FEATURES = SyntheticLogisticRegression.FEATURES;

  private ServingLoadDriver() {}

  public static void main(String[] args) throws Exception {
    ServingOptions options = ServingOptions.parse(args);
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      // read once, when the first JDK HttpServer starts: without it Nagle delays small answers
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    SyntheticLogisticRegression.Trained model = SyntheticLogisticRegression.train();
    LOG.info(
        () ->
            "trained: features "
                + model.features()
                + ", labels "
                + model.labels()
                + ", ONNX "
                + model.onnx().length
                + " bytes");
    float[] row = BenchInputs.fixedRow();
    byte[] body = MinimalOip.requestBody(row, FEATURES);
    float[][] entityRows = BenchInputs.entityRows(options.entities());
    ServingReport report = new ServingReport(options.concurrency());

    try (BareSession bare = BareSession.open(model.onnx(), FEATURES)) {
      float[] expected = bare.predict(row);
      float[][] expectedByEntity = new float[entityRows.length][];
      for (int e = 0; e < entityRows.length; e++) {
        expectedByEntity[e] = bare.predict(entityRows[e]);
      }
      RenewingToken tokens = null;
      if (options.needsPlatform()) {
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        tokens = new RenewingToken(http, options.tokenUrl().toString());
        setUp(new PlatformSetup(http, options.base(), tokens), model, entityRows, body, options);
      }

      if (options.targets().contains(Target.BARE)) {
        measure(report, options, Target.BARE, () -> new BareClient(bare, row, expected), true);
      }
      if (options.targets().contains(Target.JDK_HTTPSERVER)) {
        try (MinimalOipServer server =
            MinimalOipServer.start(bare, PlatformSetup.MODEL, model.labels().size())) {
          URI base = server.base();
          // The same request as the platform gets, bearer token included (the floor ignores it):
          // its head is most of the bytes on the wire.
          RenewingToken sameRequest = tokens;
          measure(
              report,
              options,
              Target.JDK_HTTPSERVER,
              () ->
                  new OipClient(
                      "the minimal server", base, server.path(), sameRequest, body, expected),
              true);
        }
      }
      RenewingToken bearer = tokens;
      if (options.targets().contains(Target.PLATFORM_V2)) {
        measure(
            report,
            options,
            Target.PLATFORM_V2,
            () ->
                new OipClient(
                    "the platform's /v2",
                    options.base(),
                    PlatformSetup.INFER_PATH,
                    bearer,
                    body,
                    expected),
            true);
      }
      URI port =
          URI.create(
              options.base().getScheme()
                  + "://"
                  + options.base().getHost()
                  + ":"
                  + options.inferencePort());
      if (options.targets().contains(Target.PLATFORM_PORT)) {
        measure(
            report,
            options,
            Target.PLATFORM_PORT,
            () ->
                new OipClient(
                    "the platform's inference port",
                    port,
                    PlatformSetup.INFER_PATH,
                    bearer,
                    body,
                    expected),
            true);
      }
      List<byte[]> bodies =
          PredictClient.bodies(
              PlatformSetup.JOIN_KEY,
              PlatformSetup.featureRefs(model.features()),
              entityRows,
              !options.online());
      for (Target byKey : new Target[] {Target.PLATFORM_PREDICT, Target.PLATFORM_PREDICT_PORT}) {
        if (options.targets().contains(byKey)) {
          URI base = byKey == Target.PLATFORM_PREDICT ? options.base() : port;
          measure(
              report,
              options,
              byKey,
              () ->
                  new PredictClient(
                      base, PlatformSetup.MODEL, bearer, bodies, expectedByEntity, model.labels()),
              false);
        }
      }
    }
    LOG.info(report.table(options));
  }

  private static void setUp(
      PlatformSetup platform,
      SyntheticLogisticRegression.Trained model,
      float[][] entityRows,
      byte[] probe,
      ServingOptions options)
      throws Exception {
    if (options.targets().stream().anyMatch(Target::byKey)) {
      platform.createFeatures(model.features());
      if (options.online()) {
        platform.ingestAndMaterialize(model.features(), entityRows);
      }
    }
    int version = platform.register(model);
    platform.deploy(version, probe);
  }

  /** Concurrency 1 and, when {@code loaded}, the high concurrency. */
  private static void measure(
      ServingReport report,
      ServingOptions options,
      Target target,
      LoadRun.Clients clients,
      boolean loaded)
      throws InterruptedException {
    report.add(LoadRun.run(target, clients, 1, options.warmUp(), options.measure()));
    if (loaded) {
      report.add(
          LoadRun.run(target, clients, options.concurrency(), options.warmUp(), options.measure()));
    }
  }
}
