package org.mlplatform.domain.monitoring.performance;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;

/**
 * The trainer's classification metrics (see {@code ClassifierTraining}), computed from class
 * probabilities with the definitions of Tribuo's {@code LabelEvaluator}:
 *
 * <ul>
 *   <li>the predicted class is the first class with the highest probability;
 *   <li>{@code accuracy}: the share of rows whose predicted class is the true one;
 *   <li>{@code log_loss}: the mean of {@code -ln p(true class)}, with {@code p} at least {@code
 *       1e-15};
 *   <li>{@code precision}, {@code recall}, {@code f1} of a class: {@code tp / (tp + fp)}, {@code tp
 *       / (tp + fn)} and their harmonic mean, each 0 when its denominator is 0; the {@code _macro}
 *       forms are their plain means over all the model's classes;
 *   <li>{@code auc} of a class against the rest: the area under the ROC curve, rows with equal
 *       scores counting half (the Mann-Whitney statistic, equal to Tribuo's trapezoids over tied
 *       thresholds); {@code auc_macro} is the plain mean over the classes.
 * </ul>
 *
 * <p>The metrics for the positive class appear only when there is one; {@code auc} only when the
 * rows hold the positive class and another, {@code auc_macro} only for three or more classes all
 * present in the rows; anything not finite is left out, and no rows give no metrics at all.
 */
public final class ClassificationMetrics {

  /** Keeps log-loss finite when a model is certain and wrong (the trainer's bound). */
  private static final double MIN_PROBABILITY = 1e-15;

  private ClassificationMetrics() {}

  /**
   * The metrics of rows whose true class is given by label, as monitoring has it from ground truth.
   * Rows whose true label is not one of {@code classes} (or is {@code null}) are skipped: a model
   * cannot be judged on a class it has no output for. The caller who needs to report them counts
   * them by the same rule.
   *
   * @param classes the model's classes in output order, all different
   * @param positiveLabel the positive class, one of {@code classes}, or {@code null} for none
   * @param trueLabels each row's true class
   * @param probabilities each row's probabilities, in output order
   * @return the metrics by name, in the order of the class description
   * @throws DomainValidationException naming the argument at fault when the shapes disagree, a
   *     class repeats or the positive label is not a class
   */
  public static Map<String, Double> of(
      List<String> classes,
      String positiveLabel,
      List<String> trueLabels,
      float[][] probabilities) {
    Map<String, Integer> classIndex = indexOf(classes);
    int positive = -1;
    if (positiveLabel != null) {
      Integer index = classIndex.get(positiveLabel);
      if (index == null) {
        throw new DomainValidationException(
            "positiveLabel",
            "positiveLabel '" + positiveLabel + "' is not one of the classes " + classes);
      }
      positive = index;
    }
    requireSameRows(trueLabels.size(), probabilities);
    int[] truth = new int[trueLabels.size()];
    float[][] kept = new float[trueLabels.size()][];
    int n = 0;
    for (int r = 0; r < truth.length; r++) {
      String label = trueLabels.get(r);
      Integer trueClass = label == null ? null : classIndex.get(label);
      if (trueClass != null) {
        truth[n] = trueClass;
        kept[n] = probabilities[r];
        n++;
      }
    }
    return of(classes, positive, Arrays.copyOf(truth, n), Arrays.copyOf(kept, n));
  }

  /**
   * @param classes the model's classes in output order
   * @param positive the index of the positive class, or -1 for none
   * @param truth each row's true class, as an index into {@code classes}
   * @param probabilities each row's probabilities, in output order
   * @return the metrics by name, in the order of the class description
   * @throws DomainValidationException naming the argument at fault when the shapes disagree or an
   *     index is out of range
   */
  public static Map<String, Double> of(
      List<String> classes, int positive, int[] truth, float[][] probabilities) {
    int k = classes.size();
    requireShape(k, positive, truth, probabilities);
    int n = truth.length;
    if (n == 0) {
      return Map.of();
    }
    long[] tp = new long[k];
    long[] predictedCount = new long[k];
    long[] trueCount = new long[k];
    double logLossSum = 0;
    for (int r = 0; r < n; r++) {
      int predicted = argmax(probabilities[r]);
      predictedCount[predicted]++;
      trueCount[truth[r]]++;
      if (predicted == truth[r]) {
        tp[predicted]++;
      }
      logLossSum -= Math.log(Math.max(probabilities[r][truth[r]], MIN_PROBABILITY));
    }

    double[] precision = new double[k];
    double[] recall = new double[k];
    double[] f1 = new double[k];
    for (int c = 0; c < k; c++) {
      precision[c] = ratio(tp[c], predictedCount[c]);
      recall[c] = ratio(tp[c], trueCount[c]);
      double sum = precision[c] + recall[c];
      f1[c] = sum == 0 ? 0 : 2 * precision[c] * recall[c] / sum;
    }
    long classesPresent = Arrays.stream(trueCount).filter(count -> count > 0).count();

    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", (double) Arrays.stream(tp).sum() / n);
    metrics.put("log_loss", logLossSum / n);
    metrics.put("precision_macro", mean(precision));
    metrics.put("recall_macro", mean(recall));
    metrics.put("f1_macro", mean(f1));
    if (positive >= 0) {
      metrics.put("precision", precision[positive]);
      metrics.put("recall", recall[positive]);
      metrics.put("f1", f1[positive]);
      if (trueCount[positive] > 0 && classesPresent > 1) {
        metrics.put("auc", auc(positive, truth, probabilities));
      }
    }
    if (k > 2 && classesPresent == k) {
      double sum = 0;
      for (int c = 0; c < k; c++) {
        sum += auc(c, truth, probabilities);
      }
      metrics.put("auc_macro", sum / k);
    }
    metrics.values().removeIf(value -> !Double.isFinite(value));
    return Collections.unmodifiableMap(metrics);
  }

  /**
   * The area under the ROC curve of {@code positive} against the other classes: the share of
   * (positive, negative) row pairs where the positive row scores higher, ties counting half.
   * Computed from the rank sum of the positive rows, ties taking their mean rank.
   *
   * @param positive the index of the class scored against the rest
   * @param truth each row's true class, as an index
   * @param probabilities each row's probabilities, in output order
   * @return the area, or NaN when the rows lack either positives or negatives (no pair to compare)
   */
  public static double auc(int positive, int[] truth, float[][] probabilities) {
    int n = truth.length;
    Integer[] order = new Integer[n];
    for (int r = 0; r < n; r++) {
      order[r] = r;
    }
    Arrays.sort(
        order, (a, b) -> Float.compare(probabilities[a][positive], probabilities[b][positive]));
    double positiveRankSum = 0;
    long positives = 0;
    int start = 0;
    while (start < n) {
      float score = probabilities[order[start]][positive];
      int end = start;
      while (end + 1 < n && probabilities[order[end + 1]][positive] == score) {
        end++;
      }
      double meanRank = (start + end) / 2.0 + 1; // ranks count from 1
      for (int i = start; i <= end; i++) {
        if (truth[order[i]] == positive) {
          positiveRankSum += meanRank;
          positives++;
        }
      }
      start = end + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double u = positiveRankSum - positives * (positives + 1) / 2.0;
    return u / ((double) positives * negatives);
  }

  private static Map<String, Integer> indexOf(List<String> classes) {
    Map<String, Integer> classIndex = new HashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      if (classIndex.putIfAbsent(classes.get(c), c) != null) {
        throw new DomainValidationException(
            "classes", "class '" + classes.get(c) + "' appears twice in " + classes);
      }
    }
    return classIndex;
  }

  /** Bad shapes would otherwise surface as an index error deep in a loop, or as wrong numbers. */
  private static void requireShape(int k, int positive, int[] truth, float[][] probabilities) {
    if (k == 0) {
      throw new DomainValidationException("classes", "a classifier has at least one class");
    }
    if (positive < -1 || positive >= k) {
      throw new DomainValidationException(
          "positive", "positive must be -1 or a class index below " + k + ", was " + positive);
    }
    requireSameRows(truth.length, probabilities);
    for (int r = 0; r < truth.length; r++) {
      if (truth[r] < 0 || truth[r] >= k) {
        throw new DomainValidationException(
            "truth", "row " + r + " has class index " + truth[r] + "; there are " + k + " classes");
      }
      if (probabilities[r] == null || probabilities[r].length != k) {
        throw new DomainValidationException(
            "probabilities",
            "row "
                + r
                + " has "
                + (probabilities[r] == null ? "no" : probabilities[r].length)
                + " probabilities; there are "
                + k
                + " classes");
      }
    }
  }

  private static void requireSameRows(int rows, float[][] probabilities) {
    if (probabilities.length != rows) {
      throw new DomainValidationException(
          "probabilities",
          "probabilities has " + probabilities.length + " rows, the true classes " + rows);
    }
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      if (values[c] > values[best]) {
        best = c;
      }
    }
    return best;
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).sum() / values.length;
  }
}
