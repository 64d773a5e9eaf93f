/**
 * Reading the prediction log back for monitoring: the log's JSON ({@link
 * org.mlplatform.serving.monitoring.LoggedJson}), a version's predictions in its outputs ({@link
 * org.mlplatform.serving.monitoring.LoggedPredictions}), and a time window of one version's records
 * gathered into columns ({@link org.mlplatform.serving.monitoring.WindowReader}).
 */
package org.mlplatform.serving.monitoring;
