package org.mlplatform.workflows.training;

import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.math.StochasticGradientOptimiser;

/** What differs between training a classifier and a regressor; the run itself is shared. */
interface TaskTraining<T extends Output<T>> {

  OutputFactory<T> outputFactory();

  /** The Tribuo output for a label cell as read from the CSV. */
  T output(String label);

  /**
   * Checks the training rows' labels before any training time is spent.
   *
   * @throws org.mlplatform.domain.DomainValidationException when the labels cannot train a model
   */
  void checkTrainingLabels(List<String> trainingLabels, TrainingSettings settings);

  /**
   * @param loggingInterval steps between Tribuo's loss log lines (one epoch's worth)
   */
  Trainer<T> trainer(
      TrainingSettings settings, StochasticGradientOptimiser optimiser, int loggingInterval);

  /** The names of the model's output columns, in the order of the ONNX output tensor. */
  List<String> outputNames(Model<T> model);

  /** The class that precision, recall and AUC are about, or null where there is none. */
  String positiveLabel(Model<T> model, TrainingSettings settings);

  /** Held-out metrics by name; metrics that are undefined on this split are left out. */
  Map<String, Double> metrics(
      Model<T> model, List<Prediction<T>> predictions, Dataset<T> test, String positiveLabel);

  /** Tribuo's prediction as the ONNX graph should give it: one value per output column. */
  double[] outputs(Prediction<T> prediction, List<String> outputNames);
}
