package org.mlplatform.serving.onnx;

import ai.onnxruntime.OrtException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.TensorSpec;
import org.mlplatform.serving.OnnxRuntimeHost;
import org.mlplatform.serving.onnx.InvalidModelException.Reason;

/**
 * Decides whether an uploaded file is a safe, loadable ONNX model and reads its signature.
 *
 * <p>In order: size limits; other formats recognised by their first bytes ({@link ForeignFormats});
 * a protobuf walk that checks the file is complete and refuses external data ({@link
 * ModelProtoScanner}); then a load in ONNX Runtime on the given executor, never on the caller's
 * thread, within the configured time. A load cannot be interrupted: after a time-out the caller
 * gets its answer at once and the session is closed when the load returns, so the executor should
 * be bounded. Thread-safe.
 */
public final class OnnxInspector {

  private static final Logger LOG = Logger.getLogger(OnnxInspector.class.getName());
  private static final int MAX_RUNTIME_MESSAGE = 600;

  private final SessionProbe probe;
  private final Executor executor;
  private final InspectionLimits limits;
  private final AtomicInteger loadsInFlight = new AtomicInteger();

  /**
   * @param executor runs ONNX Runtime loads; a managed executor in the application server
   */
  public OnnxInspector(OnnxRuntimeHost runtime, Executor executor, InspectionLimits limits) {
    this.probe = new SessionProbe(Objects.requireNonNull(runtime, "runtime").environment());
    this.executor = Objects.requireNonNull(executor, "executor");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** With {@link InspectionLimits#defaults()}. */
  public OnnxInspector(OnnxRuntimeHost runtime, Executor executor) {
    this(runtime, executor, InspectionLimits.defaults());
  }

  public InspectionLimits limits() {
    return limits;
  }

  /**
   * Reads an upload into memory, stopping as soon as it exceeds the size limit so that an oversize
   * upload costs no more than the limit.
   */
  public byte[] readUpload(InputStream upload) throws IOException, InvalidModelException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int read;
    while ((read = upload.read(buffer)) != -1) {
      total += read;
      if (total > limits.maxBytes()) {
        throw tooLarge();
      }
      bytes.write(buffer, 0, read);
    }
    return bytes.toByteArray();
  }

  /**
   * The model's signature, or why it is refused.
   *
   * @throws InvalidModelException the upload is not a safe, loadable ONNX model
   * @throws RejectedExecutionException the executor takes no more work (the platform is busy)
   * @throws CancellationException the calling thread was interrupted while waiting
   */
  public ModelSignature inspect(byte[] upload) throws InvalidModelException {
    Objects.requireNonNull(upload, "upload");
    if (upload.length == 0) {
      throw new InvalidModelException(Reason.EMPTY, "the file is empty");
    }
    if (upload.length > limits.maxBytes()) {
      throw tooLarge();
    }
    ForeignFormats.rejectRecognised(upload);
    ModelHeader header = ModelProtoScanner.scan(upload);
    SessionDescription session = loadWithinTimeLimit(upload);
    requireSome("inputs", session.inputs());
    requireSome("outputs", session.outputs());
    return new ModelSignature(
        session.inputs(),
        session.outputs(),
        header.defaultOpset(),
        header.producerName(),
        header.producerVersion());
  }

  /** Loads started and not yet finished, including those whose callers timed out. */
  int loadsInFlight() {
    return loadsInFlight.get();
  }

  int openSessions() {
    return probe.openSessions();
  }

  private SessionDescription loadWithinTimeLimit(byte[] model) throws InvalidModelException {
    AtomicBoolean abandoned = new AtomicBoolean();
    CompletableFuture<Optional<SessionDescription>> load = new CompletableFuture<>();
    loadsInFlight.incrementAndGet();
    try {
      executor.execute(
          () -> {
            try {
              load.complete(probe.describe(model, abandoned::get));
            } catch (Throwable e) {
              load.completeExceptionally(e);
            } finally {
              loadsInFlight.decrementAndGet();
            }
          });
    } catch (RuntimeException e) {
      loadsInFlight.decrementAndGet();
      throw e;
    }
    Duration timeout = limits.loadTimeout();
    try {
      return load.get(timeout.toNanos(), TimeUnit.NANOSECONDS).orElseThrow();
    } catch (TimeoutException e) {
      abandoned.set(true);
      throw new InvalidModelException(
          Reason.TIMEOUT,
          "ONNX Runtime did not finish loading the model within "
              + describe(timeout)
              + "; the model is too large or too complex for an upload check");
    } catch (InterruptedException e) {
      abandoned.set(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while ONNX Runtime was loading the model");
    } catch (ExecutionException e) {
      throw refusalFor(e.getCause());
    }
  }

  private static InvalidModelException refusalFor(Throwable failure) {
    if (failure instanceof InvalidModelException invalid) {
      return invalid;
    }
    if (failure instanceof OrtException ort) {
      return new InvalidModelException(
          Reason.UNLOADABLE,
          "ONNX Runtime cannot load the model: " + shorten(ort.getMessage()),
          ort);
    }
    if (failure instanceof Error error) {
      throw error;
    }
    // Anything else is a fault of ours or of the runtime, not of the upload: a 5xx, not a refusal.
    LOG.log(Level.SEVERE, "ONNX Runtime failed unexpectedly while loading an upload", failure);
    throw new IllegalStateException("ONNX Runtime failed unexpectedly: " + failure, failure);
  }

  private static void requireSome(String what, List<TensorSpec> specs)
      throws InvalidModelException {
    if (specs.isEmpty()) {
      throw new InvalidModelException(
          Reason.UNSERVABLE, "the model declares no " + what + ", so it cannot be served");
    }
  }

  private InvalidModelException tooLarge() {
    return new InvalidModelException(
        Reason.TOO_LARGE, "the file is larger than the limit of " + limits.maxBytes() + " bytes");
  }

  private static String describe(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }

  private static String shorten(String message) {
    String text = message == null ? "" : message.strip();
    return text.length() <= MAX_RUNTIME_MESSAGE
        ? text
        : text.substring(0, MAX_RUNTIME_MESSAGE) + "...";
  }
}
