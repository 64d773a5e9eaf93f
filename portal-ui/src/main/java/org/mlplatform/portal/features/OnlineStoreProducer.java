package org.mlplatform.portal.features;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.mlplatform.domain.features.online.CachedOnlineStore;
import org.mlplatform.domain.features.online.OnlineCache;
import org.mlplatform.domain.features.online.OnlineStore;
import org.mlplatform.persistence.online.JdbcMaterializationLog;
import org.mlplatform.persistence.online.JdbcOnlineStore;
import org.mlplatform.portal.config.PlatformDataSource;

/** The online store (database behind a bounded in-memory cache) and its materialization log. */
@ApplicationScoped
public class OnlineStoreProducer {

  @Resource(lookup = PlatformDataSource.JNDI_NAME)
  private DataSource dataSource;

  /** Singleton, not application-scoped: the class is final; other nodes' changes evict from it. */
  @Produces
  @Singleton
  OnlineCache onlineCache() {
    return new OnlineCache();
  }

  @Produces
  @ApplicationScoped
  OnlineStore onlineStore(OnlineCache cache) {
    return new CachedOnlineStore(new JdbcOnlineStore(dataSource), cache);
  }

  /** Dependent, not application-scoped: the class is final, so CDI could not proxy it. */
  @Produces
  JdbcMaterializationLog materializationLog() {
    return new JdbcMaterializationLog(dataSource);
  }
}
