/**
 * Serving in the database: deployments on JPA (one row per model, gone with the model), and the
 * prediction log over plain JDBC, appended in batches that are idempotent by record id on H2 and
 * PostgreSQL and trimmed by age.
 */
package org.mlplatform.persistence.serving;
