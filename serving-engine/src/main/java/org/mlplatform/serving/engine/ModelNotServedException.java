package org.mlplatform.serving.engine;

/** The model (or the asked-for version of it) is not deployed, or not ready yet. */
public final class ModelNotServedException extends RuntimeException {

  private final boolean loading;

  public ModelNotServedException(String message, boolean loading) {
    super(message);
    this.loading = loading;
  }

  /** True when the deployment exists but its first load has not finished (a 503, not a 404). */
  public boolean loading() {
    return loading;
  }
}
