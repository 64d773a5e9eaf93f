/**
 * Monitoring in the database over plain JDBC, on H2 and PostgreSQL: ground truth for logged
 * predictions ({@code prediction_feedback}, upserted per prediction row) and the history of
 * monitoring runs ({@code monitoring_snapshot} with its columns and metrics). Both are used from
 * scheduled jobs and REST calls outside container transactions: every call takes its own connection
 * and ends its own transaction.
 */
package org.mlplatform.persistence.monitoring;
