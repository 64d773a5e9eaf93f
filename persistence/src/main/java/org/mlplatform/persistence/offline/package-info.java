/**
 * The offline store over plain JDBC, on H2 and PostgreSQL: one typed table per feature view
 * version, idempotent bulk writes (batched {@code MERGE} on H2, {@code COPY} into a staging table
 * and one upsert on PostgreSQL) and streaming, cursor-based reads for point-in-time joins and
 * materialisation. Hibernate is bypassed on purpose: it adds nothing but overhead per row here.
 */
package org.mlplatform.persistence.offline;
