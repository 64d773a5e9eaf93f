/**
 * Per-column statistics of a training set: the baseline drift monitoring later compares serving
 * data against. Values stream through {@link
 * org.mlplatform.domain.features.stats.ColumnStatisticsCollector} (or a whole row at a time through
 * {@link org.mlplatform.domain.features.stats.TableStatisticsCollector}) in a single pass with
 * memory bounded per column, whatever the row count. Results are plain records, ready for JSON.
 *
 * <p>Exact up to the limits in {@link
 * org.mlplatform.domain.features.stats.ColumnStatisticsCollector} (100,000 values for quantiles,
 * 10,000 distinct values); beyond them every figure says how it was approximated, and the same
 * input always gives the same output.
 */
package org.mlplatform.domain.features.stats;
