package org.mlplatform.workflows.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Regression of one numeric label with a squared loss. Metrics: {@code rmse}, {@code mae}, {@code
 * r2}.
 */
final class RegressorTraining implements TaskTraining<Regressor> {

  private final RegressionFactory factory = new RegressionFactory();
  private final String labelName;

  /**
   * @param labelName the label column, which names the model's single output dimension
   */
  RegressorTraining(String labelName) {
    this.labelName = labelName;
  }

  @Override
  public OutputFactory<Regressor> outputFactory() {
    return factory;
  }

  @Override
  public Regressor output(String label) {
    return new Regressor(labelName, Double.parseDouble(label));
  }

  @Override
  public void checkTrainingLabels(List<String> trainingLabels, TrainingSettings settings) {
    // Any finite number is a usable target; the loader has already skipped the rest.
  }

  @Override
  public Trainer<Regressor> trainer(
      TrainingSettings settings, StochasticGradientOptimiser optimiser, int loggingInterval) {
    if (settings.algorithm().factorized()) {
      // Targets are not standardised: the exported graph then needs no de-standardising step.
      return new FMRegressionTrainer(
          new SquaredLoss(),
          optimiser,
          settings.epochs(),
          loggingInterval,
          settings.minibatchSize(),
          settings.seed(),
          settings.factorSize(),
          settings.variance(),
          false);
    }
    return new LinearSGDTrainer(
        new SquaredLoss(),
        optimiser,
        settings.epochs(),
        loggingInterval,
        settings.minibatchSize(),
        settings.seed());
  }

  @Override
  public List<String> outputNames(Model<Regressor> model) {
    List<String> names = new ArrayList<>();
    for (int id = 0; id < model.getOutputIDInfo().size(); id++) {
      names.add(model.getOutputIDInfo().getOutput(id).getNames()[0]);
    }
    return names;
  }

  @Override
  public String positiveLabel(Model<Regressor> model, TrainingSettings settings) {
    return null;
  }

  @Override
  public Map<String, Double> metrics(
      Model<Regressor> model,
      List<Prediction<Regressor>> predictions,
      Dataset<Regressor> test,
      String positiveLabel) {
    RegressionEvaluation evaluation =
        new RegressionEvaluator().evaluate(model, predictions, test.getProvenance());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("rmse", evaluation.averageRMSE());
    metrics.put("mae", evaluation.averageMAE());
    metrics.put("r2", evaluation.averageR2());
    metrics.values().removeIf(value -> !Double.isFinite(value));
    return metrics;
  }

  @Override
  public double[] outputs(Prediction<Regressor> prediction, List<String> outputNames) {
    Regressor output = prediction.getOutput();
    double[] outputs = new double[outputNames.size()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = output.getDimension(outputNames.get(i)).orElseThrow().getValue();
    }
    return outputs;
  }
}
