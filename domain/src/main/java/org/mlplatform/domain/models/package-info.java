/**
 * The model registry's language: models and their immutable versions with what is known about them
 * (the signature read from the ONNX file, metrics, hyperparameters, lineage down to the training
 * set and features), editable model cards, aliases with their history and the protection of {@code
 * champion}, the {@link org.mlplatform.domain.models.ModelRegistry} that enforces these rules, the
 * repository port it stores through, and the port to the artifact store that keeps the model files.
 */
package org.mlplatform.domain.models;
