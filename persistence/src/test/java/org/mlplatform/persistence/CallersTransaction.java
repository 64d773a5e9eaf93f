package org.mlplatform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Stands in for the container's JTA transaction in tests of repositories that join their caller's
 * transaction: the test opens it on a connection (auto-commit off) and ends it itself. Every such
 * repository is checked the same way, by {@link #assertJoins}.
 */
public final class CallersTransaction {

  private CallersTransaction() {}

  /**
   * A data source that hands out {@code connection} every time and never closes it: a repository on
   * it works inside the transaction the test runs on that connection.
   */
  public static DataSource on(Connection connection) {
    Connection unclosable =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  try {
                    return method.invoke(connection, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return unclosable;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /**
   * Checks that a repository on the caller's connection works inside the caller's transaction
   * without ending it: it reads back what it wrote, the write is gone once the caller rolls back,
   * and written again it stays once the caller commits (read by a repository of its own then).
   *
   * @param repository the repository on a data source
   * @param write writes {@code written}
   * @param read reads {@code written} back, or nothing
   */
  public static <R, T> void assertJoins(
      DataSource dataSource,
      Function<DataSource, R> repository,
      Consumer<R> write,
      Function<R, Optional<T>> read,
      T written)
      throws SQLException {
    try (Connection shared = dataSource.getConnection()) {
      shared.setAutoCommit(false);
      R inCallersTransaction = repository.apply(on(shared));

      write.accept(inCallersTransaction);
      assertThat(read.apply(inCallersTransaction)).contains(written);
      shared.rollback();
      assertThat(read.apply(inCallersTransaction)).isEmpty();

      write.accept(inCallersTransaction);
      shared.commit();
    }
    assertThat(read.apply(repository.apply(dataSource))).contains(written);
  }
}
