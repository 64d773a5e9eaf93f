package org.mlplatform.serving.engine;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;

/**
 * A model version with its open ONNX Runtime session. The count starts at one, the reference of
 * whoever serves it; each request acquires and releases; {@link #retire()} drops the serving
 * reference, and whichever release reaches zero closes the session. Once at zero the count never
 * rises again, so a request that lost the race sees {@code acquire() == false} and re-reads the
 * routing table instead of touching a closed session.
 */
public final class LoadedVersion {

  private static final Logger LOG = Logger.getLogger(LoadedVersion.class.getName());

  private final ModelVersion version;
  private final OrtSession session;
  private final LogMask logMask;
  private final AtomicInteger references = new AtomicInteger(1);

  LoadedVersion(ModelVersion version, OrtSession session, LogMask logMask) {
    this.version = version;
    this.session = session;
    this.logMask = logMask;
  }

  public ModelVersion version() {
    return version;
  }

  public ModelVersionId id() {
    return version.id();
  }

  OrtSession session() {
    return session;
  }

  /** The input columns whose values the prediction log never holds in clear. */
  public LogMask logMask() {
    return logMask;
  }

  /** Takes a reference for one request; false once the session is closing. */
  public boolean acquire() {
    while (true) {
      int current = references.get();
      if (current == 0) {
        return false;
      }
      if (references.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  /** Gives a request's reference back. */
  public void release() {
    if (references.decrementAndGet() == 0) {
      close();
    }
  }

  /** Stops serving this version: the session closes when in-flight requests have finished. */
  public void retire() {
    release();
  }

  /** Whether the session is closed (or closing). */
  public boolean closed() {
    return references.get() == 0;
  }

  private void close() {
    try {
      session.close();
    } catch (OrtException e) {
      LOG.log(Level.WARNING, "closing the session of " + version.id() + " failed", e);
    }
  }

  @Override
  public String toString() {
    return version.id().toString();
  }
}
