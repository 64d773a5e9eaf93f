package org.mlplatform.serving.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.serving.BatchingPolicy;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OrtRunner;
import org.mlplatform.serving.inference.OutputTensor;

/**
 * Groups concurrent requests to one version into a single run along the batch axis: the first
 * request opens a batch, others join until it holds {@code maxBatchSize} rows or {@code maxDelay}
 * has passed, one session run answers them all and each caller gets its own rows back. Only used
 * for models whose inputs and outputs all have a dynamic first axis.
 *
 * <p>Requests that cannot share a run (other trailing dimensions, outputs without a row per input
 * row) run one by one inside the batch; a full queue makes the caller run its request itself rather
 * than wait.
 */
final class MicroBatcher {

  private static final Logger LOG = Logger.getLogger(MicroBatcher.class.getName());
  private static final int QUEUE_CAPACITY = 4096;

  private record Pending(List<InputTensor> inputs, long rows, CompletableFuture<Answer> answer) {}

  /** A request's outputs and the size of the batch that produced them. */
  record Answer(List<OutputTensor> outputs, int batchSize) {}

  private final OrtEnvironment environment;
  private final LoadedVersion version;
  private final BatchingPolicy policy;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread worker;
  private volatile boolean closed;
  private Pending carried;

  MicroBatcher(
      OrtEnvironment environment,
      LoadedVersion version,
      BatchingPolicy policy,
      ThreadFactory threads) {
    this.environment = environment;
    this.version = version;
    this.policy = policy;
    this.worker = threads.newThread(this::work);
    worker.setName("mlp-batcher-" + version.id());
    worker.setDaemon(true);
    worker.start();
  }

  /** Runs the inputs as part of a batch; the caller holds a reference on the version. */
  Answer run(List<InputTensor> inputs) throws OrtException {
    long rows = inputs.getFirst().batchSize();
    if (closed || rows >= policy.maxBatchSize()) {
      return new Answer(direct(inputs), 1);
    }
    Pending pending = new Pending(inputs, rows, new CompletableFuture<>());
    if (!queue.offer(pending)) {
      return new Answer(direct(inputs), 1);
    }
    try {
      return pending.answer().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a batch", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OrtException ort) {
        throw ort;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Stops taking requests; those already queued are still answered. */
  void close() {
    closed = true;
  }

  private List<OutputTensor> direct(List<InputTensor> inputs) throws OrtException {
    return OrtRunner.run(environment, version.session(), inputs, Set.of());
  }

  private void work() {
    while (!closed || !queue.isEmpty() || carried != null) {
      try {
        List<Pending> batch = collect();
        if (!batch.isEmpty()) {
          answer(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "micro-batcher of " + version + " failed", e);
      }
    }
  }

  private List<Pending> collect() throws InterruptedException {
    Pending first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
    carried = null;
    if (first == null) {
      return List.of();
    }
    List<Pending> batch = new ArrayList<>();
    batch.add(first);
    long rows = first.rows();
    long deadline = System.nanoTime() + policy.maxDelay().toNanos();
    while (rows < policy.maxBatchSize()) {
      long wait = deadline - System.nanoTime();
      Pending next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
      if (next == null) {
        break;
      }
      if (rows + next.rows() > policy.maxBatchSize()) {
        carried = next;
        break;
      }
      batch.add(next);
      rows += next.rows();
    }
    return batch;
  }

  private void answer(List<Pending> batch) {
    for (List<Pending> group : compatibleGroups(batch)) {
      if (group.size() == 1) {
        runAlone(group.getFirst());
      } else {
        runTogether(group);
      }
    }
  }

  /** Requests can share a run when they send the same inputs with the same trailing axes. */
  private static List<List<Pending>> compatibleGroups(List<Pending> batch) {
    Map<String, List<Pending>> groups = new LinkedHashMap<>();
    for (Pending pending : batch) {
      StringBuilder key = new StringBuilder();
      for (InputTensor input : pending.inputs()) {
        key.append(input.name()).append(':').append(input.datatype());
        for (int axis = 1; axis < input.shape().length; axis++) {
          key.append(',').append(input.shape()[axis]);
        }
        key.append(';');
      }
      groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(pending);
    }
    return List.copyOf(groups.values());
  }

  private void runAlone(Pending pending) {
    try {
      pending.answer().complete(new Answer(direct(pending.inputs()), 1));
    } catch (OrtException | RuntimeException e) {
      pending.answer().completeExceptionally(e);
    }
  }

  private void runTogether(List<Pending> group) {
    List<OutputTensor> outputs;
    try {
      outputs = direct(concatenated(group));
    } catch (OrtException | RuntimeException e) {
      // One bad request must not fail its neighbours: run them one by one instead.
      group.forEach(this::runAlone);
      return;
    }
    long total = group.stream().mapToLong(Pending::rows).sum();
    if (!outputs.stream().allMatch(o -> rowsOf(o) == total)) {
      group.forEach(this::runAlone);
      return;
    }
    long from = 0;
    for (Pending pending : group) {
      long to = from + pending.rows();
      List<OutputTensor> own = new ArrayList<>(outputs.size());
      for (OutputTensor output : outputs) {
        own.add(slice(output, from, to));
      }
      pending.answer().complete(new Answer(own, group.size()));
      from = to;
    }
  }

  private static List<InputTensor> concatenated(List<Pending> group) {
    List<InputTensor> merged = new ArrayList<>();
    int inputs = group.getFirst().inputs().size();
    for (int i = 0; i < inputs; i++) {
      List<InputTensor> parts = new ArrayList<>(group.size());
      for (Pending pending : group) {
        parts.add(pending.inputs().get(i));
      }
      merged.add(InputTensor.concatBatches(parts));
    }
    return merged;
  }

  private static long rowsOf(OutputTensor output) {
    return switch (output) {
      case OutputTensor.Tensor tensor -> tensor.shape().length == 0 ? -1 : tensor.shape()[0];
      case OutputTensor.Structured structured -> structured.items().size();
    };
  }

  private static OutputTensor slice(OutputTensor output, long from, long to) {
    return switch (output) {
      case OutputTensor.Tensor tensor -> tensor.slice(from, to);
      case OutputTensor.Structured structured -> structured.slice((int) from, (int) to);
    };
  }
}
