package org.mlplatform.portal.serving.batch;

/** An uploaded CSV above the size limit: nothing was kept, and the caller hears the limit (413). */
public final class UploadTooLargeException extends RuntimeException {

  private final long limit;

  UploadTooLargeException(long limit) {
    super(
        "the CSV is larger than "
            + limit
            + " bytes, the limit for batch-prediction uploads (mlp.batch.max-upload-bytes);"
            + " build a training set from the data instead, or split the file");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
