package org.mlplatform.workflows.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mlplatform.domain.DomainValidationException;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * Classification with a softmax (multinomial logistic) objective, so that the model and its ONNX
 * graph give one probability per class.
 *
 * <p>Metrics: {@code accuracy}, {@code log_loss}, {@code precision_macro}, {@code recall_macro},
 * {@code f1_macro}; for the positive class (a binary classifier's second label in sorted order, or
 * the {@code positiveLabel} asked for) {@code precision}, {@code recall}, {@code f1} and {@code
 * auc} (one class against the rest); for three or more classes also {@code auc_macro}, the mean of
 * the one-against-rest AUCs. An AUC is left out when the held-out rows lack a class it needs.
 */
final class ClassifierTraining implements TaskTraining<Label> {

  /** More classes than this is almost always an identifier picked as the label by mistake. */
  static final int MAX_CLASSES = 1000;

  /** Keeps log-loss finite when a model is certain and wrong. */
  private static final double MIN_PROBABILITY = 1e-15;

  private final LabelFactory factory = new LabelFactory();

  @Override
  public OutputFactory<Label> outputFactory() {
    return factory;
  }

  @Override
  public Label output(String label) {
    return new Label(label);
  }

  @Override
  public void checkTrainingLabels(List<String> trainingLabels, TrainingSettings settings) {
    Set<String> classes = new TreeSet<>(trainingLabels);
    if (classes.size() < 2) {
      throw new DomainValidationException(
          "label",
          "the training rows hold only one class " + classes + "; a classifier needs at least two");
    }
    if (classes.size() > MAX_CLASSES) {
      throw new DomainValidationException(
          "label",
          "the label has "
              + classes.size()
              + " distinct values; a classifier takes at most "
              + MAX_CLASSES
              + " (is it an identifier, or a numeric target for a regression?)");
    }
    String positive = settings.positiveLabel();
    if (positive != null && !classes.contains(positive)) {
      throw new DomainValidationException(
          "hyperparameters." + TrainingSettings.POSITIVE_LABEL,
          "'" + positive + "' is not a label of the training rows; labels: " + shortList(classes));
    }
  }

  @Override
  public Trainer<Label> trainer(
      TrainingSettings settings, StochasticGradientOptimiser optimiser, int loggingInterval) {
    if (settings.algorithm().factorized()) {
      return new FMClassificationTrainer(
          new LogMulticlass(),
          optimiser,
          settings.epochs(),
          loggingInterval,
          settings.minibatchSize(),
          settings.seed(),
          settings.factorSize(),
          settings.variance());
    }
    return new LinearSGDTrainer(
        new LogMulticlass(),
        optimiser,
        settings.epochs(),
        loggingInterval,
        settings.minibatchSize(),
        settings.seed());
  }

  @Override
  public List<String> outputNames(Model<Label> model) {
    List<String> names = new ArrayList<>();
    for (int id = 0; id < model.getOutputIDInfo().size(); id++) {
      names.add(model.getOutputIDInfo().getOutput(id).getLabel());
    }
    return names;
  }

  @Override
  public String positiveLabel(Model<Label> model, TrainingSettings settings) {
    if (settings.positiveLabel() != null) {
      return settings.positiveLabel();
    }
    List<String> sorted = outputNames(model).stream().sorted().toList();
    return sorted.size() == 2 ? sorted.get(1) : null;
  }

  @Override
  public Map<String, Double> metrics(
      Model<Label> model,
      List<Prediction<Label>> predictions,
      Dataset<Label> test,
      String positiveLabel) {
    LabelEvaluation evaluation =
        new LabelEvaluator().evaluate(model, predictions, test.getProvenance());
    Set<String> heldOutClasses =
        predictions.stream()
            .map(p -> p.getExample().getOutput().getLabel())
            .collect(Collectors.toSet());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", evaluation.accuracy());
    metrics.put("log_loss", logLoss(predictions));
    metrics.put("precision_macro", evaluation.macroAveragedPrecision());
    metrics.put("recall_macro", evaluation.macroAveragedRecall());
    metrics.put("f1_macro", evaluation.macroAveragedF1());
    if (positiveLabel != null) {
      Label positive = new Label(positiveLabel);
      metrics.put("precision", evaluation.precision(positive));
      metrics.put("recall", evaluation.recall(positive));
      metrics.put("f1", evaluation.f1(positive));
      // Tribuo's AUC needs both positive and negative rows in the held-out split.
      if (heldOutClasses.contains(positiveLabel) && heldOutClasses.size() > 1) {
        metrics.put("auc", evaluation.AUCROC(positive));
      }
    }
    List<String> classes = outputNames(model);
    if (classes.size() > 2 && heldOutClasses.containsAll(classes)) {
      metrics.put("auc_macro", evaluation.averageAUCROC(false));
    }
    metrics.values().removeIf(value -> !Double.isFinite(value));
    return metrics;
  }

  @Override
  public double[] outputs(Prediction<Label> prediction, List<String> outputNames) {
    Map<String, Label> scores = prediction.getOutputScores();
    double[] outputs = new double[outputNames.size()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = scores.get(outputNames.get(i)).getScore();
    }
    return outputs;
  }

  private static double logLoss(List<Prediction<Label>> predictions) {
    double sum = 0;
    for (Prediction<Label> prediction : predictions) {
      Label truth = prediction.getExample().getOutput();
      Label scored = prediction.getOutputScores().get(truth.getLabel());
      double probability = scored == null ? 0 : scored.getScore();
      sum -= Math.log(Math.max(probability, MIN_PROBABILITY));
    }
    return sum / predictions.size();
  }

  private static String shortList(Set<String> classes) {
    return classes.stream().limit(20).collect(Collectors.joining(", "))
        + (classes.size() > 20 ? ", ..." : "");
  }
}
