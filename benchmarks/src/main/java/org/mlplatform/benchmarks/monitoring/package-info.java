/**
 * The monitoring benchmark ({@link org.mlplatform.benchmarks.monitoring.MonitoringBenchmark}): a
 * drift and data-quality run over a window of logged predictions, read back from PostgreSQL by the
 * platform's own {@code WindowReader} and analysed by its {@code WindowAnalyzer}, in the platform's
 * default heap. Goal: 1,000,000 predictions of 20 features in under 10 s, in bounded memory.
 */
package org.mlplatform.benchmarks.monitoring;
