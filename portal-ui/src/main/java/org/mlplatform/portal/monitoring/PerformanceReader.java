package org.mlplatform.portal.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.monitoring.feedback.FeedbackStore;
import org.mlplatform.domain.monitoring.feedback.LabelledPrediction;
import org.mlplatform.domain.monitoring.performance.ClassificationMetrics;
import org.mlplatform.domain.monitoring.performance.RegressionMetrics;
import org.mlplatform.portal.promotion.EvaluatedVersions;
import org.mlplatform.serving.monitoring.LoggedPredictions;
import org.mlplatform.serving.monitoring.MonitoredVersion;

/**
 * Scores a version on the window's predictions that got ground truth, with the formulas its
 * held-out metrics were computed with, so the two compare. A classifier logged with probabilities
 * gets every metric; one logged with labels only gets none of those that need probabilities (AUC,
 * log-loss).
 */
final class PerformanceReader {

  private final ModelVersion version;
  private final MonitoredVersion model;
  private final LoggedPredictions predictions;

  PerformanceReader(ModelVersion version, MonitoredVersion model, LoggedPredictions predictions) {
    this.version = version;
    this.model = model;
    this.predictions = predictions;
  }

  PerformanceReport read(FeedbackStore feedback, Instant from, Instant to, int limit) {
    Map<String, Double> heldOut = version.metrics();
    if (!predictions.readable()) {
      return PerformanceReport.none(
          heldOut, "the version's outputs hold no prediction this platform can read");
    }
    List<LabelledPrediction> labelled = new ArrayList<>();
    feedback.scanLabelled(
        model.id().model().value(),
        from,
        to,
        limit,
        p -> {
          if (p.version() == model.id().number()) {
            labelled.add(p);
          }
        });
    if (labelled.isEmpty()) {
      return PerformanceReport.none(
          heldOut,
          "no ground truth for this window yet: POST /api/v1/models/"
              + model.id().model()
              + "/feedback");
    }
    return model.classifier() ? classify(labelled, heldOut) : regress(labelled, heldOut);
  }

  private PerformanceReport classify(
      List<LabelledPrediction> labelled, Map<String, Double> heldOut) {
    List<String> classes = model.labels();
    List<Integer> truth = new ArrayList<>();
    List<float[]> scores = new ArrayList<>();
    for (LabelledPrediction p : labelled) {
      int trueClass = p.label().map(classes::indexOf).orElse(-1);
      float[] row = probabilities(p);
      if (trueClass >= 0 && row != null) {
        truth.add(trueClass);
        scores.add(row);
      }
    }
    if (truth.isEmpty()) {
      return PerformanceReport.none(
          heldOut,
          labelled.size()
              + " labelled predictions, none with a label among the model's classes "
              + classes
              + " and a readable prediction");
    }
    String positive = EvaluatedVersions.positiveLabel(version, classes);
    Map<String, Double> metrics =
        new java.util.LinkedHashMap<>(
            ClassificationMetrics.of(
                classes,
                positive == null ? -1 : classes.indexOf(positive),
                truth.stream().mapToInt(Integer::intValue).toArray(),
                scores.toArray(float[][]::new)));
    if (!predictions.hasProbabilities()) {
      metrics.keySet().removeIf(name -> name.startsWith("auc") || name.equals("log_loss"));
    }
    return new PerformanceReport(truth.size(), metrics, heldOut, java.util.Optional.empty());
  }

  /** The row's probabilities, or a one-hot row of its label when only labels were logged. */
  private float[] probabilities(LabelledPrediction p) {
    int rows = rowsOf(p);
    if (p.row() >= rows) {
      return null;
    }
    if (predictions.hasProbabilities()) {
      return predictions.probabilities(p.outputs(), rows)[p.row()];
    }
    String label = predictions.labels(p.outputs(), rows)[p.row()];
    int predicted = label == null ? -1 : model.labels().indexOf(label);
    if (predicted < 0) {
      return null;
    }
    float[] oneHot = new float[model.labels().size()];
    oneHot[predicted] = 1;
    return oneHot;
  }

  private PerformanceReport regress(
      List<LabelledPrediction> labelled, Map<String, Double> heldOut) {
    List<double[]> pairs = new ArrayList<>();
    for (LabelledPrediction p : labelled) {
      int rows = rowsOf(p);
      double[] values = p.row() < rows ? predictions.values(p.outputs(), rows) : new double[0];
      if (p.value().isPresent() && p.row() < values.length && Double.isFinite(values[p.row()])) {
        pairs.add(new double[] {p.value().getAsDouble(), values[p.row()]});
      }
    }
    if (pairs.isEmpty()) {
      return PerformanceReport.none(
          heldOut, labelled.size() + " labelled predictions, none with a value and a prediction");
    }
    double[] truth = pairs.stream().mapToDouble(pair -> pair[0]).toArray();
    double[] predicted = pairs.stream().mapToDouble(pair -> pair[1]).toArray();
    return new PerformanceReport(
        pairs.size(), RegressionMetrics.of(truth, predicted), heldOut, java.util.Optional.empty());
  }

  private int rowsOf(LabelledPrediction p) {
    return predictions.rowsOf(p.outputs());
  }
}
