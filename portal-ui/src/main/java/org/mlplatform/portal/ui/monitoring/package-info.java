/**
 * The Monitoring area of the portal. {@code monitoring} lists the deployed models with their latest
 * snapshot and unresolved alerts, and the open alerts of all models; {@code monitoring/<model>}
 * shows one model over a window: summary cards, drift and data quality per column, distributions,
 * traffic, performance against ground truth, snapshots over time, and the model's alerts, alert
 * rules and monitoring policy. Views and panels draw what the services in {@code
 * org.mlplatform.portal.monitoring} return; the pure parts (rows, series, texts, form values) are
 * records and helpers tested without a UI.
 */
package org.mlplatform.portal.ui.monitoring;
