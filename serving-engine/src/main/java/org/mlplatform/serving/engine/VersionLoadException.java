package org.mlplatform.serving.engine;

import org.mlplatform.domain.models.ModelVersionId;

/** A version could not be opened or warmed up; whatever served before keeps serving. */
public final class VersionLoadException extends Exception {

  private final ModelVersionId version;

  public VersionLoadException(ModelVersionId version, String reason) {
    super("version " + version + " cannot be served: " + reason);
    this.version = version;
  }

  public ModelVersionId version() {
    return version;
  }
}
