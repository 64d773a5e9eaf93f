/**
 * The online store over plain JDBC, on H2 and PostgreSQL: one table per feature view version
 * holding the latest row per entity, keyed by the join keys, written by conditional upserts that
 * never move a value back in time, and read by batched primary-key lookups. Also the log of
 * materialisation runs that incremental ("up to now") materialisation starts from. Column types and
 * value encoding are the offline store's ({@link org.mlplatform.persistence.offline.JdbcColumns}).
 */
package org.mlplatform.persistence.online;
