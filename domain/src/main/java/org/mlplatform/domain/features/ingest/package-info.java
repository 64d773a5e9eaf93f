/**
 * Ingestion input: turns uploaded rows (JSON objects already parsed by the caller, or RFC 4180 CSV
 * text) into validated {@link org.mlplatform.domain.features.offline.FeatureRow}s of a view
 * version, one at a time so a million-row upload needs no more memory than one row, and reports
 * what is wrong with the input as row-numbered problems.
 */
package org.mlplatform.domain.features.ingest;
