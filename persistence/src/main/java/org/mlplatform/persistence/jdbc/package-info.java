/**
 * The plain-JDBC plumbing the JDBC stores share, so that each store holds only its SQL: how a store
 * gets its connection and transaction ({@link org.mlplatform.persistence.jdbc.CallerTransactions}
 * joins the caller's, {@link org.mlplatform.persistence.jdbc.OwnTransaction} always runs its own,
 * {@link org.mlplatform.persistence.jdbc.Connections} ends one), how a failed call is reported in
 * the store's own exception type ({@link org.mlplatform.persistence.jdbc.StoreFailure}), how times
 * are bound and read ({@link org.mlplatform.persistence.jdbc.JdbcValues}), the count and streamed
 * window reads of one model's rows ({@link org.mlplatform.persistence.jdbc.ModelReads}), and what
 * differs between H2 and PostgreSQL ({@link org.mlplatform.persistence.jdbc.DatabaseProduct}).
 */
package org.mlplatform.persistence.jdbc;
