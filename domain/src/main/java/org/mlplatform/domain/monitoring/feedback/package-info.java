/**
 * Ground truth for logged predictions: the label or value that turned out to be right, given after
 * the fact by a person or a system, and the port it is stored through. Monitoring joins it with the
 * prediction log ({@link org.mlplatform.domain.monitoring.feedback.LabelledPrediction}) to measure
 * how well a deployed model performs, not only whether its inputs drift.
 *
 * <p>Feedback is keyed by prediction id and row, never tied to the log by a constraint: the log is
 * written asynchronously and trimmed by age, so a label may arrive before its prediction is stored
 * or outlive it.
 */
package org.mlplatform.domain.monitoring.feedback;
