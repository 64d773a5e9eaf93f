package org.mlplatform.portal.features;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.persistence.offline.JdbcOfflineStore;
import org.mlplatform.persistence.offline.history.HistoryDirectory;
import org.mlplatform.portal.config.PlatformDataSource;
import org.mlplatform.portal.config.PlatformSettings;

/**
 * The offline store on the platform's DataSource (plain JDBC: bulk paths bypass Hibernate), with
 * the node's local copies of view tables for training sets ({@code mlp.offline.copy-max-rows}).
 */
@ApplicationScoped
public class OfflineStoreProducer {

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Inject private PlatformSettings settings;

  @Resource private ManagedExecutorService executor;

  /**
   * With local copies of the views large training sets read, in the node's data directory, remade
   * in the background after each write to them.
   */
  @Produces
  @ApplicationScoped
  OfflineStore offlineStore() {
    int maxRows = settings.offlineCopyMaxRows();
    if (maxRows <= 0) {
      return new JdbcOfflineStore(dataSource);
    }
    Path copies = settings.dataDir().resolve("offline-copies");
    return new JdbcOfflineStore(dataSource, new HistoryDirectory(copies, maxRows, executor));
  }
}
