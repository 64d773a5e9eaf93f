package org.mlplatform.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A store's statements on one connection; whoever runs it decides the transaction and turns an
 * {@link SQLException} into the store's own failure.
 */
@FunctionalInterface
public interface SqlWork<T> {

  T on(Connection connection) throws SQLException;
}
