package org.mlplatform.benchmarks.serving;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the benchmark's model: a Tribuo logistic regression (its default trainer: AdaGrad, 5
 * epochs, seed 12345) on synthetic rows of 8 Gaussian features whose label {@code yes}/{@code no}
 * is drawn from a known logistic model, all from a fixed seed; then exports it to ONNX as
 * workflows' {@code OnnxExport} does (input {@code input} FP32 {@code [-1, 8]}, output {@code
 * output} FP32 {@code [-1, 2]}, Tribuo's provenance left out).
 */
final class SyntheticLogisticRegression {

  static final int FEATURES = 8;
  private static final int ROWS = 10_000;
  private static final long SEED = 20_250_801L;

  /** Tribuo logs the loss every 1,000 steps at INFO; kept here so the level set sticks. */
  private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

  /**
   * The exported model.
   *
   * @param onnx the ONNX bytes
   * @param features feature names in the input tensor's column order
   * @param labels class labels in the output tensor's column order
   */
  record Trained(byte[] onnx, List<String> features, List<String> labels) {

    Trained {
      onnx = onnx.clone();
      features = List.copyOf(features);
      labels = List.copyOf(labels);
    }

    @Override
    public byte[] onnx() {
      return onnx.clone();
    }
  }

  private SyntheticLogisticRegression() {}

  static Trained train() {
    Random random = new Random(SEED);
    double[] weights = new double[FEATURES];
    for (int f = 0; f < FEATURES; f++) {
      weights[f] = random.nextGaussian();
    }
    String[] names = new String[FEATURES];
    for (int f = 0; f < FEATURES; f++) {
      names[f] = "f" + f;
    }
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("synthetic logistic rows", labels), labels);
    for (int r = 0; r < ROWS; r++) {
      double[] x = new double[FEATURES];
      double z = 0.25;
      for (int f = 0; f < FEATURES; f++) {
        x[f] = random.nextGaussian();
        z += weights[f] * x[f];
      }
      boolean yes = random.nextDouble() < 1 / (1 + Math.exp(-z));
      data.add(new ArrayExample<>(new Label(yes ? "yes" : "no"), names, x));
    }
    Level level = TRIBUO.getLevel();
    TRIBUO.setLevel(Level.WARNING);
    Model<Label> model;
    try {
      model = new LogisticRegressionTrainer().train(data);
    } finally {
      TRIBUO.setLevel(level);
    }
    if (!(model instanceof ONNXExportable exportable)) {
      throw new IllegalStateException(model.getClass().getSimpleName() + " cannot be exported");
    }
    ModelProto proto = exportable.exportONNXModel("org.mlplatform.benchmarks", 1);
    byte[] onnx =
        proto.toBuilder()
            .clearMetadataProps()
            .setDocString("serving benchmark: Tribuo logistic regression, 8 features")
            .build()
            .toByteArray();
    List<String> featureOrder = new ArrayList<>();
    for (int id = 0; id < model.getFeatureIDMap().size(); id++) {
      featureOrder.add(model.getFeatureIDMap().get(id).getName());
    }
    List<String> labelOrder = new ArrayList<>();
    for (int id = 0; id < model.getOutputIDInfo().size(); id++) {
      labelOrder.add(model.getOutputIDInfo().getOutput(id).getLabel());
    }
    if (featureOrder.size() != FEATURES || labelOrder.size() != 2) {
      throw new IllegalStateException(
          "the model has features " + featureOrder + " and labels " + labelOrder);
    }
    return new Trained(onnx, featureOrder, labelOrder);
  }
}
