/**
 * Model policies in the database over plain JDBC (tables {@code ml_model_policy} and {@code
 * ml_model_policy_tolerance}, migration V9): no JPA entity, so the persistence unit's class list
 * stays as it is. The repository joins the transaction its connection is enlisted in, so a policy
 * and its audit record commit together.
 */
package org.mlplatform.persistence.models.policy;
