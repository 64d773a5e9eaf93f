package org.mlplatform.domain.monitoring.window;

import org.mlplatform.domain.monitoring.quality.ColumnProfile;
import org.mlplatform.domain.monitoring.quality.ColumnProfileBuilder;
import org.mlplatform.domain.monitoring.quality.ColumnQualityResult;
import org.mlplatform.domain.monitoring.quality.DataQualityAnalyzer;

/** The data quality of a window's column against its reference, from the two arrays. */
final class ColumnQuality {

  private ColumnQuality() {}

  /** NaN in either array counts as NaN: the log cannot tell a missing input from a NaN one. */
  static ColumnQualityResult ofNumbers(String column, double[] reference, double[] current) {
    ColumnProfileBuilder referenceBuilder = ColumnProfileBuilder.numeric();
    for (double value : reference) {
      referenceBuilder.addNumber(value);
    }
    ColumnProfile referenceProfile = referenceBuilder.build();
    ColumnProfileBuilder currentBuilder = ColumnProfileBuilder.againstReference(referenceProfile);
    for (double value : current) {
      currentBuilder.addNumber(value);
    }
    return DataQualityAnalyzer.compare(column, referenceProfile, currentBuilder.build());
  }

  /** A null label is missing. */
  static ColumnQualityResult ofCategories(String column, String[] reference, String[] current) {
    ColumnProfileBuilder referenceBuilder = ColumnProfileBuilder.categorical();
    for (String value : reference) {
      referenceBuilder.addCategory(value);
    }
    ColumnProfile referenceProfile = referenceBuilder.build();
    ColumnProfileBuilder currentBuilder = ColumnProfileBuilder.againstReference(referenceProfile);
    for (String value : current) {
      currentBuilder.addCategory(value);
    }
    return DataQualityAnalyzer.compare(column, referenceProfile, currentBuilder.build());
  }
}
