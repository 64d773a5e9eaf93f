package org.mlplatform.portal.ui.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mlplatform.domain.monitoring.ColumnDriftResult;
import org.mlplatform.domain.monitoring.quality.ColumnQualityResult;
import org.mlplatform.domain.monitoring.quality.NewCategories;
import org.mlplatform.domain.monitoring.quality.RowShare;
import org.mlplatform.domain.monitoring.window.WindowReport;

/**
 * One line of the drift table: a feature's (or the prediction's) drift verdict beside its data
 * quality, each value as the grid shows it.
 *
 * @param kind and {@code method}: lower-case names, {@link MonitoringText#NONE} when undecided
 * @param psi the PSI with its band, for example {@code 0.31 (significant)}
 * @param newCategories how many new categories, their share and the first few, for a categorical
 *     column
 * @param reason why drift or quality could not be computed
 */
record DriftRow(
    String column,
    boolean prediction,
    String kind,
    String method,
    String threshold,
    String score,
    boolean drifted,
    boolean computed,
    String psi,
    String missingCurrent,
    String missingReference,
    String outOfRange,
    String newCategories,
    Optional<String> reason) {

  /** New categories listed by name in the table, at most. */
  static final int LISTED = 5;

  /** The features in order, then the prediction when the baseline had one. */
  static List<DriftRow> of(WindowReport window) {
    List<DriftRow> rows = new ArrayList<>();
    for (ColumnDriftResult column : window.features().columns()) {
      rows.add(of(column, quality(window, column.column()), false));
    }
    window
        .prediction()
        .ifPresent(p -> rows.add(of(p, quality(window, WindowReport.PREDICTION), true)));
    return rows;
  }

  static DriftRow of(
      ColumnDriftResult drift, Optional<ColumnQualityResult> quality, boolean prediction) {
    return new DriftRow(
        drift.column(),
        prediction,
        drift.kind().map(DriftRow::lower).orElse(MonitoringText.NONE),
        drift.method().map(DriftRow::lower).orElse(MonitoringText.NONE),
        MonitoringText.number(drift.threshold()),
        MonitoringText.number(drift.score()),
        drift.drifted(),
        drift.isComputed(),
        psi(drift),
        quality.map(q -> share(q.current().missing())).orElse(MonitoringText.NONE),
        quality.map(q -> share(q.reference().missing())).orElse(MonitoringText.NONE),
        quality
            .flatMap(ColumnQualityResult::outOfRange)
            .map(DriftRow::share)
            .orElse(MonitoringText.NONE),
        quality
            .flatMap(ColumnQualityResult::newCategories)
            .map(DriftRow::newCategories)
            .orElse(MonitoringText.NONE),
        drift.reason().or(() -> quality.flatMap(ColumnQualityResult::reason)));
  }

  private static Optional<ColumnQualityResult> quality(WindowReport window, String column) {
    return window.quality().stream().filter(q -> q.column().equals(column)).findFirst();
  }

  private static String psi(ColumnDriftResult drift) {
    if (drift.psi().isEmpty()) {
      return MonitoringText.NONE;
    }
    return MonitoringText.number(drift.psi())
        + drift.psiBand().map(band -> " (" + lower(band) + ")").orElse("");
  }

  private static String share(RowShare share) {
    return share.value().isPresent() ? MonitoringText.share(share.value()) : MonitoringText.NONE;
  }

  /** {@code 3 (12.0 %): a, b, c}; {@code 0} when there are none. */
  static String newCategories(NewCategories categories) {
    if (!categories.isComputed()) {
      return MonitoringText.NONE;
    }
    if (categories.count() == 0) {
      return "0";
    }
    List<String> listed = categories.listed();
    String names = String.join(", ", listed.subList(0, Math.min(LISTED, listed.size())));
    return categories.count()
        + " ("
        + MonitoringText.share(categories.share().value())
        + "): "
        + names
        + (categories.count() > LISTED ? ", …" : "");
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
