package org.mlplatform.serving.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.domain.serving.BatchingPolicy;
import org.mlplatform.domain.serving.CanaryRoute;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.domain.serving.InMemoryPredictionLogStore;
import org.mlplatform.domain.serving.PredictionLogStore;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.serving.inference.InferenceException;
import org.mlplatform.serving.inference.InferenceRequest;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OutputTensor;
import org.mlplatform.serving.inference.TensorData;
import org.mlplatform.serving.onnx.OnnxModels;

/** The engine on real ONNX Runtime sessions of a real (tiny) model. */
class ServingEngineTest {

  private static final OrtEnvironment ORT = OnnxRuntimeHost.start().environment();
  private static final ResourceName MODEL = ResourceName.of("model", "scorer");

  private final Registry registry = new Registry();
  private final InMemoryPredictionLogStore store = new InMemoryPredictionLogStore();
  private PredictionLog log;
  private ServingEngine engine;

  @BeforeEach
  void start() {
    for (int number = 1; number <= 3; number++) {
      registry.add("scorer", number, OnnxModels.matMulAdd(), Registry.MAT_MUL_ADD);
    }
    registry.alias("scorer", AliasName.CHAMPION, 1);
    log = new PredictionLog(store, 10_000, Duration.ofMillis(10), Thread.ofPlatform().factory());
    engine =
        new ServingEngine(
            ORT,
            SessionSettings.defaults(),
            registry,
            ServingObserver.NONE,
            log,
            Thread.ofPlatform().factory(),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    engine.close();
    log.close();
  }

  @Test
  void servesTheAliasedVersionWithTheModelsOwnArithmetic() throws Exception {
    DeploymentStatus status = engine.apply(deployment());

    assertThat(status.ready()).isTrue();
    assertThat(status.versions())
        .containsExactly(new DeploymentStatus.ServedVersion(1, Route.PRIMARY, 100));
    Prediction prediction = infer(OptionalInt.empty(), null, 1, 2, 3, 4, 0, 0, 0, 0);
    assertThat(prediction.version().number()).isEqualTo(1);
    // y = x · W + b with W all 0.5 and b = (1, 2).
    assertThat(values(prediction)).containsExactly(6f, 7f, 1f, 2f);
  }

  @Test
  void anAliasMoveSwapsWhileInFlightRequestsFinishOnTheOldSession() throws Exception {
    engine.apply(deployment());
    ServingLease inFlight = engine.lease(MODEL, OptionalInt.empty(), null);

    registry.alias("scorer", AliasName.CHAMPION, 2);
    engine.aliasMoved(MODEL, AliasName.CHAMPION);

    try (ServingLease next = engine.lease(MODEL, OptionalInt.empty(), null)) {
      assertThat(next.version().number()).isEqualTo(2);
    }
    assertThat(inFlight.loaded().closed()).isFalse();
    assertThat(inFlight.infer(request(1, 1, 1, 1), null, false).prediction().version().number())
        .isEqualTo(1);
    inFlight.close();
    assertThat(inFlight.loaded().closed()).isTrue();
  }

  @Test
  void swapsUnderConcurrentLoadFailNoRequest() throws Exception {
    engine.apply(deployment());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      clients.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (running.get()) {
                      try {
                        Prediction p = infer(OptionalInt.empty(), null, 1, 2, 3, 4);
                        assertThat(values(p)).containsExactly(6f, 7f);
                        seen.add(p.version().number());
                        answered.incrementAndGet();
                      } catch (Throwable e) {
                        failures.add(e);
                      }
                    }
                  }));
    }
    for (int swap = 0; swap < 30; swap++) {
      registry.alias("scorer", AliasName.CHAMPION, 1 + swap % 3);
      engine.aliasMoved(MODEL, AliasName.CHAMPION);
      Thread.sleep(5);
    }
    running.set(false);
    for (Thread client : clients) {
      client.join();
    }

    assertThat(failures).isEmpty();
    assertThat(answered.get()).isGreaterThan(100);
    assertThat(seen).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void aVersionThatFailsToLoadLeavesTheCurrentOneServing() throws Exception {
    engine.apply(deployment());
    registry.add("scorer", 4, new byte[] {1, 2, 3, 4, 5}, Registry.MAT_MUL_ADD);
    registry.alias("scorer", AliasName.CHAMPION, 4);

    assertThatThrownBy(() -> engine.aliasMoved(MODEL, AliasName.CHAMPION))
        .isInstanceOf(VersionLoadException.class)
        .hasMessageContaining("scorer:4");

    DeploymentStatus status = engine.status(MODEL).orElseThrow();
    assertThat(status.ready()).isTrue();
    assertThat(status.lastError()).isPresent();
    assertThat(infer(OptionalInt.empty(), null, 0, 0, 0, 0).version().number()).isEqualTo(1);
  }

  @Test
  void theCanaryGetsItsShareAndEachCallerStaysOnOneSide() throws Exception {
    engine.apply(deployment().withCanary(new CanaryRoute(2, 25)));

    int canary = 0;
    int callers = 4_000;
    for (int caller = 0; caller < callers; caller++) {
      try (ServingLease lease = engine.lease(MODEL, OptionalInt.empty(), "caller-" + caller)) {
        if (lease.route() == Route.CANARY) {
          canary++;
          assertThat(lease.version().number()).isEqualTo(2);
        }
      }
    }
    // Binomial(4000, 0.25): standard deviation 27; four of them either side of 1000.
    assertThat(canary).isBetween(890, 1110);
    Route first = engine.lease(MODEL, OptionalInt.empty(), "caller-42").route();
    for (int i = 0; i < 20; i++) {
      try (ServingLease lease = engine.lease(MODEL, OptionalInt.empty(), "caller-42")) {
        assertThat(lease.route()).isEqualTo(first);
      }
    }
  }

  @Test
  void theShadowAnswersTooButOnlyIntoTheLog() throws Exception {
    engine.apply(deployment().withShadow(3));

    Prediction prediction = infer(OptionalInt.empty(), "req-1", 1, 1, 1, 1);

    assertThat(prediction.version().number()).isEqualTo(1);
    List<PredictionRecord> logged = awaitLogged(2);
    assertThat(logged)
        .extracting(PredictionRecord::route)
        .containsExactlyInAnyOrder("primary", "shadow");
    assertThat(logged)
        .filteredOn(r -> r.route().equals("shadow"))
        .singleElement()
        .satisfies(r -> assertThat(r.version()).isEqualTo(3))
        .satisfies(r -> assertThat(r.requestId()).isEqualTo("req-1"))
        .satisfies(r -> assertThat(r.outputs()).contains("\"y\":[3.0,4.0]"));
  }

  @Test
  void concurrentRequestsShareBatchesAndEachGetsItsOwnRows() throws Exception {
    engine.apply(deployment().withBatching(new BatchingPolicy(32, Duration.ofMillis(20))));
    int clients = 12;
    CountDownLatch go = new CountDownLatch(1);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger largestBatch = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      float x = c;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      go.await();
                      for (int round = 0; round < 20; round++) {
                        Prediction p = infer(OptionalInt.empty(), null, x, x, 0, 0);
                        assertThat(values(p)).containsExactly(x + 1, x + 2);
                        largestBatch.accumulateAndGet(p.batchSize(), Math::max);
                      }
                    } catch (Throwable e) {
                      failures.add(e);
                    }
                  }));
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
    assertThat(largestBatch.get()).isGreaterThan(1);
  }

  @Test
  void theCacheAnswersRepeatsAndStartsEmptyAfterASwap() throws Exception {
    engine.apply(deployment().withCacheEntries(10));

    assertThat(infer(OptionalInt.empty(), null, 1, 2, 3, 4).cached()).isFalse();
    assertThat(infer(OptionalInt.empty(), null, 1, 2, 3, 4).cached()).isTrue();
    assertThat(infer(OptionalInt.empty(), null, 1, 2, 3, 5).cached()).isFalse();

    registry.alias("scorer", AliasName.CHAMPION, 2);
    engine.aliasMoved(MODEL, AliasName.CHAMPION);
    Prediction afterSwap = infer(OptionalInt.empty(), null, 1, 2, 3, 4);
    assertThat(afterSwap.cached()).isFalse();
    assertThat(afterSwap.version().number()).isEqualTo(2);
  }

  @Test
  void rowsAreLoggedUnderTheirOwnIds() throws Exception {
    engine.apply(deployment());
    try (ServingLease lease = engine.lease(MODEL, OptionalInt.empty(), null)) {
      ServingLease.Served served = lease.infer(request(1, 2, 3, 4, 0, 0, 0, 0), "req-9", true);
      assertThat(served.rowIds()).hasSize(2).doesNotHaveDuplicates();
      // Time-ordered (version 7): the log's key grows at its end.
      assertThat(served.rowIds()).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
      assertThat(served.rowIds().getFirst().getMostSignificantBits() >>> 16)
          .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    }
    List<PredictionRecord> logged = awaitLogged(2);
    assertThat(logged)
        .extracting(PredictionRecord::outputs)
        .containsExactlyInAnyOrder("{\"y\":[6.0,7.0]}", "{\"y\":[1.0,2.0]}");
  }

  @Test
  void personalInputsOfTheVersionAndItsShadowAreNeverLoggedInClear() throws Exception {
    LogMask mask =
        LogMask.of(
            "x",
            List.of("txn:amount", "customers:age", "txn:count", "customers:income"),
            java.util.Set.of("customers:age", "customers:income"));
    registry.mask("scorer", 1, mask);
    registry.mask("scorer", 2, mask);
    engine.apply(deployment().withShadow(2));
    try (ServingLease lease = engine.lease(MODEL, OptionalInt.empty(), null)) {
      lease.infer(request(1.5f, 41, 3, 52_000, 2.5f, 77, 4, 61_000), "req-pii", true);
    }

    List<PredictionRecord> logged = awaitLogged(3); // two rows, and the shadow's record
    assertThat(logged)
        .extracting(PredictionRecord::inputs)
        .containsExactlyInAnyOrder(
            "{\"x\":[1.5,null,3.0,null],\"$masked\":[\"customers:age\",\"customers:income\"]}",
            "{\"x\":[2.5,null,4.0,null],\"$masked\":[\"customers:age\",\"customers:income\"]}",
            "{\"x\":[1.5,null,3.0,null,2.5,null,4.0,null],"
                + "\"$masked\":[\"customers:age\",\"customers:income\"]}");
    assertThat(logged)
        .extracting(PredictionRecord::inputs)
        .noneMatch(json -> json.contains("41") || json.contains("52000") || json.contains("77"));
  }

  @Test
  void callerMistakesAndUnservedModelsAreRefused() throws Exception {
    assertThatThrownBy(() -> engine.lease(MODEL, OptionalInt.empty(), null))
        .isInstanceOf(ModelNotServedException.class)
        .hasMessageContaining("not deployed");
    engine.apply(deployment());
    assertThatThrownBy(() -> engine.lease(MODEL, OptionalInt.of(2), null))
        .isInstanceOf(ModelNotServedException.class)
        .hasMessageContaining("served: 1 (primary)");
    try (ServingLease lease = engine.lease(MODEL, OptionalInt.empty(), null)) {
      InferenceRequest wrongName =
          new InferenceRequest(
              null,
              List.of(
                  new InputTensor(
                      "pixels",
                      ElementType.FP32,
                      new long[] {1, 4},
                      TensorData.ofFloats(new float[4]))),
              List.of());
      assertThatThrownBy(() -> lease.infer(wrongName, null, false))
          .isInstanceOf(InferenceException.class)
          .hasMessageContaining("pixels");
    }
  }

  @Test
  void aFullLogQueueDropsAndCountsInsteadOfWaiting() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    PredictionLogStore slow =
        new ForwardingLogStore() {
          @Override
          public void append(List<PredictionRecord> batch) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.append(batch);
          }
        };
    try (PredictionLog small =
        new PredictionLog(slow, 2, Duration.ofMillis(1), Thread.ofPlatform().factory())) {
      LoggedPrediction one =
          new LoggedPrediction(
              java.util.UUID.randomUUID(),
              Instant.now(),
              org.mlplatform.domain.models.ModelVersionId.of("scorer", 1),
              Route.PRIMARY,
              null,
              List.of(),
              List.of(),
              5);
      for (int i = 0; i < 50; i++) {
        small.offer(one);
      }
      assertThat(small.dropped()).isGreaterThanOrEqualTo(45);
      release.countDown();
    }
  }

  private Deployment deployment() {
    return Deployment.of(MODEL, "alice", Instant.parse("2026-11-28T10:00:00Z"));
  }

  private Prediction infer(OptionalInt version, String requestId, float... x) {
    try (ServingLease lease = engine.lease(MODEL, version, null)) {
      return lease.infer(request(x), requestId, false).prediction();
    }
  }

  private static InferenceRequest request(float... x) {
    return new InferenceRequest(
        null,
        List.of(
            new InputTensor(
                "x", ElementType.FP32, new long[] {x.length / 4, 4}, TensorData.ofFloats(x))),
        List.of());
  }

  private static List<Float> values(Prediction prediction) {
    OutputTensor.Tensor y = (OutputTensor.Tensor) prediction.outputs().getFirst();
    List<Float> values = new ArrayList<>();
    for (int i = 0; i < y.data().length(); i++) {
      values.add((float) y.data().number(i));
    }
    return values;
  }

  private List<PredictionRecord> awaitLogged(int count) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline) && store.count("scorer") < count) {
      Thread.sleep(10);
    }
    assertThat(store.count("scorer")).isEqualTo(count);
    return store.recent("scorer", 100);
  }
}
