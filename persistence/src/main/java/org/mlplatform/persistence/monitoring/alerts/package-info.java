/**
 * Alert rules and alerts in the database over plain JDBC (tables {@code alert_rule} and {@code
 * alert}, migration V10), on H2 and PostgreSQL: no JPA entity, so the persistence unit's class list
 * stays as it is. The repositories join the transaction their connection is enlisted in, so a
 * change and its audit record commit together.
 */
package org.mlplatform.persistence.monitoring.alerts;
