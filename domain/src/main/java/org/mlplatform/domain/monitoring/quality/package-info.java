/**
 * Data quality statistics: how many values of a column are missing, NaN, infinite, outside the
 * reference range or new categories, and whether the number of rows changed.
 *
 * <p>Evidently drops missing values silently; here they are counted and reported, NaN and
 * infinities apart from absent values. Columns are scanned once, in streaming fashion, into a
 * {@link org.mlplatform.domain.monitoring.quality.ColumnProfileBuilder} (chunks may be scanned in
 * parallel and merged), and two profiles are compared by {@link
 * org.mlplatform.domain.monitoring.quality.DataQualityAnalyzer}. Degenerate data (no rows, a
 * reference without finite values, a constant column) never gives NaN or an exception: a share that
 * cannot be computed is empty and says why.
 */
package org.mlplatform.domain.monitoring.quality;
