/**
 * A serving window against a version's baseline: the logged predictions of a time range gathered
 * column by column ({@link org.mlplatform.domain.monitoring.window.WindowColumns}), then compared
 * with the training data and the held-out predictions the version was judged on ({@link
 * org.mlplatform.domain.monitoring.window.Baseline}) for drift and data quality.
 */
package org.mlplatform.domain.monitoring.window;
