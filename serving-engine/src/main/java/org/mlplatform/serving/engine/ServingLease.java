package org.mlplatform.serving.engine;

import ai.onnxruntime.OrtException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.serving.inference.InferenceException;
import org.mlplatform.serving.inference.InferenceRequest;
import org.mlplatform.serving.inference.OrtRunner;
import org.mlplatform.serving.inference.OutputTensor;
import org.mlplatform.serving.inference.SignatureBinding;

/**
 * One request's hold on the version it runs on. The caller may look at the version (its feature
 * mapping, its labels) before building the inputs; closing the lease lets a retired session close.
 */
public final class ServingLease implements AutoCloseable {

  private final ServingEngine engine;
  private final ServedModel served;
  private final Routing routing;
  private final LoadedVersion loaded;
  private final Route route;
  private boolean closed;

  ServingLease(
      ServingEngine engine,
      ServedModel served,
      Routing routing,
      LoadedVersion loaded,
      Route route) {
    this.engine = engine;
    this.served = served;
    this.routing = routing;
    this.loaded = loaded;
    this.route = route;
  }

  public ModelVersion version() {
    return loaded.version();
  }

  public Route route() {
    return route;
  }

  LoadedVersion loaded() {
    return loaded;
  }

  /**
   * Checks the request against the signature, answers it (from the cache, through the batcher or
   * with a direct run), counts it, logs it and copies it to the shadow.
   *
   * @param requestId the caller's request id, logged with the prediction
   * @param logRows log one record per input row under its own id (the ids come back in order)
   *     rather than one record for the request
   */
  public Served infer(InferenceRequest request, String requestId, boolean logRows) {
    long start = System.nanoTime();
    try {
      SignatureBinding.check(loaded.version().signature(), request);
    } catch (InferenceException e) {
      fail(true);
      throw e;
    }
    List<String> requested = request.requestedOutputs();
    List<OutputTensor> outputs = null;
    boolean cached = false;
    int batchSize = 1;
    if (routing.cache != null) {
      outputs = routing.cache.get(loaded.id().number(), request.inputs(), requested);
      cached = outputs != null;
    }
    if (outputs == null) {
      try {
        MicroBatcher batcher = routing.batcher(loaded);
        if (batcher != null) {
          MicroBatcher.Answer answer = batcher.run(request.inputs());
          outputs = onlyRequested(answer.outputs(), requested);
          batchSize = answer.batchSize();
        } else {
          outputs =
              OrtRunner.run(
                  engine.environment(),
                  loaded.session(),
                  request.inputs(),
                  new HashSet<>(requested));
        }
      } catch (OrtException e) {
        fail(true);
        throw new InferenceException("the model could not run on these inputs: " + e.getMessage());
      } catch (InferenceException e) {
        fail(true);
        throw e;
      } catch (RuntimeException e) {
        fail(false);
        throw e;
      }
      if (routing.cache != null) {
        routing.cache.put(loaded.id().number(), request.inputs(), requested, outputs);
      }
    }
    long nanos = System.nanoTime() - start;
    engine.observer().served(loaded.id(), route, nanos, batchSize, cached);
    served.traffic().served(nanos);
    List<UUID> ids = log(request, requestId, outputs, nanos, logRows);
    copyToShadow(request, requestId);
    return new Served(
        new Prediction(ids.getFirst(), loaded.id(), route, outputs, nanos, batchSize, cached), ids);
  }

  /** The prediction and the ids it was logged under (one per row when rows were logged apart). */
  public record Served(Prediction prediction, List<UUID> rowIds) {}

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      loaded.release();
    }
  }

  private void fail(boolean callerMistake) {
    engine.observer().failed(loaded.id(), route, callerMistake);
    served.traffic().failed();
  }

  private List<UUID> log(
      InferenceRequest request,
      String requestId,
      List<OutputTensor> outputs,
      long nanos,
      boolean logRows) {
    PredictionLog log = engine.log();
    Instant at = engine.clock().instant();
    long rows = request.inputs().getFirst().batchSize();
    if (!logRows || rows <= 1 || !RowSlices.sliceable(request.inputs(), outputs, rows)) {
      UUID id = newId();
      if (log != null) {
        log.offer(
            new LoggedPrediction(
                id,
                at,
                loaded.id(),
                route,
                requestId,
                request.inputs(),
                outputs,
                nanos / 1_000,
                loaded.logMask()));
      }
      return List.of(id);
    }
    List<UUID> ids = new ArrayList<>((int) rows);
    for (int row = 0; row < rows; row++) {
      UUID id = newId();
      ids.add(id);
      if (log != null) {
        log.offer(
            new LoggedPrediction(
                id,
                at,
                loaded.id(),
                route,
                requestId,
                RowSlices.inputs(request.inputs(), row),
                RowSlices.outputs(outputs, row),
                nanos / 1_000 / rows,
                loaded.logMask()));
      }
    }
    return ids;
  }

  private void copyToShadow(InferenceRequest request, String requestId) {
    LoadedVersion shadow = routing.shadow;
    if (shadow == null || shadow == loaded || !shadow.acquire()) {
      return;
    }
    try {
      engine.shadow(() -> runShadow(shadow, request, requestId));
    } catch (RuntimeException e) {
      shadow.release();
      throw e;
    }
  }

  private void runShadow(LoadedVersion shadow, InferenceRequest request, String requestId) {
    try {
      long start = System.nanoTime();
      SignatureBinding.check(shadow.version().signature(), request);
      List<OutputTensor> outputs =
          OrtRunner.run(
              engine.environment(),
              shadow.session(),
              request.inputs(),
              new HashSet<>(request.requestedOutputs()));
      long nanos = System.nanoTime() - start;
      engine.observer().served(shadow.id(), Route.SHADOW, nanos, 1, false);
      if (engine.log() != null) {
        engine
            .log()
            .offer(
                new LoggedPrediction(
                    newId(),
                    engine.clock().instant(),
                    shadow.id(),
                    Route.SHADOW,
                    requestId,
                    request.inputs(),
                    outputs,
                    nanos / 1_000,
                    shadow.logMask()));
      }
    } catch (InferenceException e) {
      engine.observer().failed(shadow.id(), Route.SHADOW, true);
    } catch (OrtException | RuntimeException e) {
      engine.observer().failed(shadow.id(), Route.SHADOW, false);
    } finally {
      shadow.release();
    }
  }

  private static List<OutputTensor> onlyRequested(List<OutputTensor> all, List<String> requested) {
    if (requested.isEmpty()) {
      return all;
    }
    return all.stream().filter(o -> requested.contains(o.name())).toList();
  }

  /**
   * A time-ordered (version 7) id without SecureRandom's cost on the request path: the log's
   * primary key then grows at its end, as the table does, instead of splitting index pages at
   * random.
   */
  private static UUID newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
