/**
 * Retraining: judging a retrained model against the champion it would replace.
 *
 * <p>{@link org.mlplatform.workflows.retraining.HeldOutEvaluator} reads a training set, picks the
 * held-out rows exactly as {@link org.mlplatform.workflows.training.TribuoTrainer} does and scores
 * any number of models on them through a {@link org.mlplatform.workflows.retraining.Scorer}. The
 * metrics have the trainer's names and definitions, so a candidate's evaluation here equals what
 * the trainer reported for it, and the champion's is computed on the very same rows.
 *
 * <p>Nothing here depends on ONNX Runtime (this module has it for tests only): whoever holds the
 * sessions, serving or a test, adapts them to a {@code Scorer}.
 */
package org.mlplatform.workflows.retraining;
