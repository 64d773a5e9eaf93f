package org.mlplatform.portal.features;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.mlplatform.domain.features.offline.OfflineStore;
import org.mlplatform.persistence.offline.JdbcOfflineStore;
import org.mlplatform.portal.config.PlatformDataSource;

/** The offline store on the platform's DataSource (plain JDBC: bulk paths bypass Hibernate). */
@ApplicationScoped
public class OfflineStoreProducer {

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Produces
  @ApplicationScoped
  OfflineStore offlineStore() {
    return new JdbcOfflineStore(dataSource);
  }
}
