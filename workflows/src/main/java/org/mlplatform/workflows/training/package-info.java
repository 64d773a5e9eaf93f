/**
 * In-platform training: turns a training-set CSV from the feature store into an ONNX model with
 * Tribuo, ready to be registered as a model version.
 *
 * <p>{@link org.mlplatform.workflows.training.TribuoTrainer} is the entry point. It reads the CSV
 * as {@code CsvTrainingSetWriter} writes it, skips rows whose label is empty (and counts them),
 * splits off a deterministic held-out set, imputes missing feature values with the training split's
 * mean, trains, evaluates on the held-out rows and exports the model to ONNX. Everything serving
 * needs to feed the exported graph travels with the result in {@link
 * org.mlplatform.workflows.training.TrainedModel}: the feature order of the input tensor, the label
 * order of the output tensor and the imputation values.
 *
 * <p>Missing features are imputed rather than their rows dropped: feature views join as of the
 * row's moment, so a null usually means "no value yet" for one view, and dropping such rows would
 * bias the training set towards long-lived entities. Serving must apply the same values.
 */
package org.mlplatform.workflows.training;
