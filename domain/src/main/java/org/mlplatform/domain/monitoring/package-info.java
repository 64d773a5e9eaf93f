/**
 * Data drift statistics: does the current data of a column still look like its reference data, and
 * does a whole data set?
 *
 * <p>Used by monitoring and by the drift check of model promotion. The defaults follow Evidently
 * (the Python library) so that a user can reproduce a verdict there: the column kind decides the
 * test, and the reference size decides between a p-value test (at most 1,000 non-missing reference
 * values) and a distance (more than that). Every column also reports a population stability index
 * (PSI) beside the chosen test. Start at {@link org.mlplatform.domain.monitoring.DriftAnalyzer}.
 *
 * <p>Missing values (NaN or an infinity for numbers, {@code null} for categories) never enter a
 * test but are always counted and reported. A column that gives no defined statistic (empty, or a
 * constant reference) is reported as {@link
 * org.mlplatform.domain.monitoring.DriftStatus#NOT_COMPUTABLE} with a reason, never as NaN or an
 * exception.
 */
package org.mlplatform.domain.monitoring;
