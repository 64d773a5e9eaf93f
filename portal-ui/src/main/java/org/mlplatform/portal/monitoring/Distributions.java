package org.mlplatform.portal.monitoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.monitoring.window.Baseline;
import org.mlplatform.domain.monitoring.window.PredictionKind;
import org.mlplatform.domain.monitoring.window.WindowColumns;
import org.mlplatform.domain.monitoring.window.WindowReport;

/** Reference against current for one column, as shares per bin for an overlaid chart. */
final class Distributions {

  static final int NUMERIC_BINS = 20;
  static final int TOP_CATEGORIES = 20;
  static final String OTHER = "other";

  private Distributions() {}

  /**
   * @throws DomainValidationException naming {@code column} when the version has no such column
   */
  static Distribution of(Baseline baseline, WindowColumns window, String column) {
    if (WindowReport.PREDICTION.equals(column)) {
      return baseline.predictionKind() == PredictionKind.LABEL
          ? categories(column, baseline.referenceLabels(), window.predictedLabels())
          : numbers(column, baseline.referenceValues(), window.predictedValues());
    }
    int f = baseline.features().indexOf(column);
    if (f < 0) {
      throw new DomainValidationException(
          "column",
          "no column '" + column + "'; the version has " + baseline.features() + " and prediction");
    }
    return numbers(column, baseline.reference()[f], window.feature(f));
  }

  static Distribution numbers(String column, double[] reference, double[] current) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] side : List.of(reference, current)) {
      for (double v : side) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (min > max) {
      return new Distribution(column, List.of(), List.of(), List.of());
    }
    int bins = min == max ? 1 : NUMERIC_BINS;
    double width = (max - min) / bins;
    List<String> labels = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      labels.add(String.format(Locale.ROOT, "%.4g", min + b * width));
    }
    return new Distribution(
        column, labels, shares(reference, min, width, bins), shares(current, min, width, bins));
  }

  private static List<Double> shares(double[] values, double min, double width, int bins) {
    long[] counts = new long[bins];
    long total = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        int b = width == 0 ? 0 : (int) Math.min(bins - 1, Math.floor((v - min) / width));
        counts[b]++;
        total++;
      }
    }
    List<Double> shares = new ArrayList<>(bins);
    for (long count : counts) {
      shares.add(total == 0 ? 0.0 : (double) count / total);
    }
    return shares;
  }

  static Distribution categories(String column, String[] reference, String[] current) {
    Map<String, Long> referenceCounts = counts(reference);
    Map<String, Long> currentCounts = counts(current);
    List<String> top =
        referenceCounts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .limit(TOP_CATEGORIES)
            .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    currentCounts.keySet().stream()
        .filter(c -> !top.contains(c))
        .sorted(Comparator.comparing(currentCounts::get).reversed())
        .limit(Math.max(0, TOP_CATEGORIES - top.size()))
        .forEach(top::add);
    List<String> bins = new ArrayList<>(top);
    boolean other =
        referenceCounts.keySet().stream().anyMatch(c -> !top.contains(c))
            || currentCounts.keySet().stream().anyMatch(c -> !top.contains(c));
    if (other) {
      bins.add(OTHER);
    }
    return new Distribution(
        column,
        bins,
        categoryShares(referenceCounts, top, other),
        categoryShares(currentCounts, top, other));
  }

  private static Map<String, Long> counts(String[] values) {
    Map<String, Long> counts = new HashMap<>();
    for (String v : values) {
      if (v != null) {
        counts.merge(v, 1L, Long::sum);
      }
    }
    return counts;
  }

  private static List<Double> categoryShares(
      Map<String, Long> counts, List<String> top, boolean other) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<Double> shares = new ArrayList<>();
    long inTop = 0;
    for (String category : top) {
      long count = counts.getOrDefault(category, 0L);
      inTop += count;
      shares.add(total == 0 ? 0.0 : (double) count / total);
    }
    if (other) {
      shares.add(total == 0 ? 0.0 : (double) (total - inTop) / total);
    }
    return shares;
  }
}
