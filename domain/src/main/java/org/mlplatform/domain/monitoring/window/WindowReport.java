package org.mlplatform.domain.monitoring.window;

import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.DatasetDriftResult;
import org.mlplatform.domain.monitoring.quality.ColumnQualityResult;

/**
 * A window held against its baseline.
 *
 * @param features drift of each feature, and the data set's verdict over the features
 * @param prediction drift of the prediction against the held-out predictions; empty when the
 *     baseline has none
 * @param quality data quality of each feature, then of the prediction, against the training data
 * @param rows the window's rows
 */
public record WindowReport(
    DatasetDriftResult features,
    Optional<ColumnDriftResult> prediction,
    List<ColumnQualityResult> quality,
    int rows) {

  /** The column name the prediction is reported under. */
  public static final String PREDICTION = "prediction";

  public WindowReport {
    quality = List.copyOf(quality);
  }
}
