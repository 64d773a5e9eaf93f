package org.mlplatform.serving.engine;

import org.mlplatform.domain.models.ModelVersionId;

/**
 * What the engine reports as it serves: the platform turns it into metrics and alerts. Calls come
 * from request threads and must return at once.
 */
public interface ServingObserver {

  /** A request answered; {@code batchSize} is how many requests shared the session run. */
  void served(ModelVersionId version, Route route, long nanos, int batchSize, boolean cached);

  /** A request that reached a version failed there (a caller mistake or a runtime error). */
  void failed(ModelVersionId version, Route route, boolean callerMistake);

  /** A version could not be loaded; what served before keeps serving. */
  void loadFailed(ModelVersionId version, String reason);

  /** A deployment now serves these versions. */
  void swapped(String model, String summary);

  /** Ignores everything; for tests and tools. */
  ServingObserver NONE =
      new ServingObserver() {
        @Override
        public void served(
            ModelVersionId version, Route route, long nanos, int batchSize, boolean cached) {}

        @Override
        public void failed(ModelVersionId version, Route route, boolean callerMistake) {}

        @Override
        public void loadFailed(ModelVersionId version, String reason) {}

        @Override
        public void swapped(String model, String summary) {}
      };
}
