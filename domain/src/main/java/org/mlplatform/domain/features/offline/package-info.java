/**
 * The offline store's port: where every ingested feature row of a view version is kept, typed,
 * idempotent on entity key and event time, and read back in the order the point-in-time join needs.
 * The JDBC implementation lives in {@code persistence}.
 */
package org.mlplatform.domain.features.offline;
