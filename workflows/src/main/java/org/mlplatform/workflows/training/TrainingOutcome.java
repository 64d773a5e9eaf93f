package org.mlplatform.workflows.training;

import java.util.List;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;

/**
 * A run's result together with the Tribuo objects behind it, for checks that need Tribuo's own view
 * (tests compare the ONNX graph with {@code predictions}).
 *
 * @param test the held-out rows, imputed, in the order of {@code predictions}
 */
record TrainingOutcome<T extends Output<T>>(
    TrainedModel trained, Model<T> model, Dataset<T> test, List<Prediction<T>> predictions) {}
