package org.mlplatform.workflows.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.logging.Logger;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.workflows.training.EpochProgressOptimiser.TrainingCancelledException;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a model on a training set from the feature store with Tribuo, evaluates it on held-out
 * rows and exports it to ONNX.
 *
 * <p>A run: read the CSV (rows with an empty label are skipped and counted), split off {@code
 * heldOutFraction} of the rows at random with {@code splitSeed}, impute missing features with the
 * training rows' means, train, evaluate on the held-out rows, export. The same training set and
 * settings give the same ONNX bytes. Metrics are those of {@link ClassifierTraining} or {@link
 * RegressorTraining}.
 *
 * <p>Stateless: one instance serves concurrent runs, each on its caller's thread. A run holds the
 * training set in memory. It does not touch the registry; registering the result is the caller's
 * next step, in its own transaction.
 */
public final class TribuoTrainer {

  private static final Logger LOG = Logger.getLogger(TribuoTrainer.class.getName());

  /** How many held-out rows {@link TrainedModel#referencePredictions()} keeps. */
  static final int REFERENCE_ROWS = 16;

  private static final double READ_DONE = 0.2;
  private static final double TRAIN_DONE = 0.85;
  private static final double EVALUATION_DONE = 0.9;

  /**
   * Trains the model {@code request} asks for.
   *
   * @param trainingSetCsv a training set as {@code CsvTrainingSetWriter} writes it
   * @param columns the training set's columns, in file order
   * @param progress told the overall fraction done, from 0 to 1, during reading, after each epoch,
   *     after evaluation and after export; called on the training thread
   * @throws org.mlplatform.domain.DomainValidationException naming {@code algorithm}, {@code
   *     label}, {@code hyperparameters.<key>}, {@code features} or {@code trainingSet} when the
   *     request or the data cannot make a model
   * @throws InterruptedException when the thread is interrupted (checked while reading, on every
   *     training step and between phases)
   * @throws IOException when the file cannot be read
   */
  public TrainedModel train(
      Path trainingSetCsv,
      List<TrainingColumn> columns,
      TrainingRequest request,
      DoubleConsumer progress)
      throws IOException, InterruptedException {
    return run(trainingSetCsv, columns, request, progress).trained();
  }

  /** {@link #train}, keeping Tribuo's model and held-out predictions. */
  TrainingOutcome<?> run(
      Path trainingSetCsv,
      List<TrainingColumn> columns,
      TrainingRequest request,
      DoubleConsumer progress)
      throws IOException, InterruptedException {
    TrainingAlgorithm algorithm = TrainingAlgorithm.parse(request.algorithm());
    TrainingSettings settings = TrainingSettings.parse(algorithm, request.hyperparameters());
    TrainingLayout layout = TrainingLayout.of(columns, request.label(), algorithm);
    ProgressSteps steps = new ProgressSteps(progress);
    return algorithm.classifies()
        ? run(new ClassifierTraining(), trainingSetCsv, layout, settings, steps)
        : run(new RegressorTraining(request.label()), trainingSetCsv, layout, settings, steps);
  }

  private <T extends Output<T>> TrainingOutcome<T> run(
      TaskTraining<T> task,
      Path csv,
      TrainingLayout layout,
      TrainingSettings settings,
      ProgressSteps progress)
      throws IOException, InterruptedException {
    LabelledRows rows =
        TrainingSetLoader.load(
            csv, layout, !settings.algorithm().classifies(), progress.between(0, READ_DONE));
    HeldOutSplit split =
        HeldOutSplit.of(rows.size(), settings.heldOutFraction(), settings.splitSeed());
    task.checkTrainingLabels(labelsAt(rows, split.train()), settings);
    MeanImputation imputation =
        MeanImputation.fit(rows.features(), split.train(), layout.featureCount());
    MutableDataset<T> train = dataset(task, rows, split.train(), imputation, layout, "training");
    MutableDataset<T> test = dataset(task, rows, split.test(), imputation, layout, "held-out");
    requireNotInterrupted("before training");

    long stepsPerEpoch =
        EpochProgressOptimiser.stepsPerEpoch(train.size(), settings.minibatchSize());
    EpochProgressOptimiser optimiser =
        new EpochProgressOptimiser(
            settings.createOptimiser(),
            stepsPerEpoch,
            settings.epochs(),
            progress.between(READ_DONE, TRAIN_DONE));
    long fitStarted = System.nanoTime();
    Model<T> model;
    try {
      model =
          task.trainer(settings, optimiser, (int) Math.min(Integer.MAX_VALUE, stepsPerEpoch))
              .train(train);
    } catch (TrainingCancelledException e) {
      Thread.interrupted(); // the exception below carries the interruption now
      throw new InterruptedException("training cancelled during training");
    }
    Duration trainingTime = Duration.ofNanos(System.nanoTime() - fitStarted);
    requireNotInterrupted("before evaluation");

    List<Prediction<T>> predictions = model.predict(test);
    List<String> outputNames = task.outputNames(model);
    String positiveLabel = task.positiveLabel(model, settings);
    Map<String, Double> metrics = task.metrics(model, predictions, test, positiveLabel);
    progress.report(EVALUATION_DONE);
    requireNotInterrupted("before export");

    String label = layout.header().get(layout.labelColumn());
    byte[] onnx =
        OnnxExport.toBytes(
            model,
            1,
            settings.algorithm().id() + " predicting " + label + ", trained by MLP with Tribuo");
    List<String> featureOrder = featureOrder(model.getFeatureIDMap());
    int[] inputColumns =
        featureOrder.stream().mapToInt(name -> layout.featureNames().indexOf(name)).toArray();
    TrainedModel trained =
        new TrainedModel(
            settings.algorithm().id(),
            label,
            onnx,
            featureOrder,
            outputNames,
            positiveLabel,
            inModelOrder(imputation.byFeature(layout.featureNames()), featureOrder),
            metrics,
            settings.effective(),
            new RowCounts(split.train().length, split.test().length, rows.skipped()),
            trainingTime,
            referencePredictions(
                task, rows, split.test(), imputation, inputColumns, predictions, outputNames));
    progress.report(1);
    LOG.info(
        () ->
            "trained "
                + trained.algorithm()
                + " on "
                + trained.rows()
                + " in "
                + trainingTime.toMillis()
                + " ms: "
                + metrics);
    return new TrainingOutcome<>(trained, model, test, predictions);
  }

  private static List<String> labelsAt(LabelledRows rows, int[] positions) {
    List<String> labels = new ArrayList<>(positions.length);
    for (int position : positions) {
      labels.add(rows.labels().get(position));
    }
    return labels;
  }

  private static <T extends Output<T>> MutableDataset<T> dataset(
      TaskTraining<T> task,
      LabelledRows rows,
      int[] positions,
      MeanImputation imputation,
      TrainingLayout layout,
      String side) {
    MutableDataset<T> dataset =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(side + " rows", task.outputFactory()),
            task.outputFactory());
    String[] names = layout.featureNames().toArray(String[]::new);
    for (int position : positions) {
      Example<T> example =
          new ArrayExample<>(
              task.output(rows.labels().get(position)),
              names,
              imputation.apply(rows.features().get(position)));
      dataset.add(example);
    }
    return dataset;
  }

  /**
   * The input tensor's column order: Tribuo numbers features by sorted name, and the ONNX graph's
   * weight rows follow those numbers.
   */
  private static List<String> featureOrder(ImmutableFeatureMap features) {
    List<String> order = new ArrayList<>(features.size());
    for (int id = 0; id < features.size(); id++) {
      order.add(features.get(id).getName());
    }
    return order;
  }

  private static Map<String, Double> inModelOrder(
      Map<String, Double> imputation, List<String> featureOrder) {
    Map<String, Double> ordered = new LinkedHashMap<>();
    featureOrder.forEach(name -> ordered.put(name, imputation.get(name)));
    return ordered;
  }

  private static <T extends Output<T>> List<ReferencePrediction> referencePredictions(
      TaskTraining<T> task,
      LabelledRows rows,
      int[] testPositions,
      MeanImputation imputation,
      int[] inputColumns,
      List<Prediction<T>> predictions,
      List<String> outputNames) {
    List<ReferencePrediction> references = new ArrayList<>();
    for (int i = 0; i < Math.min(REFERENCE_ROWS, testPositions.length); i++) {
      double[] imputed = imputation.apply(rows.features().get(testPositions[i]));
      double[] inputs = new double[inputColumns.length];
      for (int c = 0; c < inputs.length; c++) {
        inputs[c] = imputed[inputColumns[c]];
      }
      references.add(
          new ReferencePrediction(inputs, task.outputs(predictions.get(i), outputNames)));
    }
    return references;
  }

  private static void requireNotInterrupted(String phase) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("training cancelled " + phase);
    }
  }
}
