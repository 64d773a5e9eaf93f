/**
 * The audit trail in the database: the append-only, hash-chained {@code audit_record} table, the
 * one-row {@code audit_chain_head} appenders lock, and the JPA repository over both.
 */
package org.mlplatform.persistence.audit;
