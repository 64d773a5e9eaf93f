/**
 * Monitoring policies in the database over plain JDBC (tables {@code monitoring_policy} and {@code
 * monitoring_feature_override}, migration V12): no JPA entity, so the persistence unit's class list
 * stays as it is. The repository joins the transaction its connection is enlisted in, so a policy
 * and its audit record commit together.
 */
package org.mlplatform.persistence.monitoring.policy;
