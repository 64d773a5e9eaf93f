package org.mlplatform.portal.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.online.OnlineCache;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.portal.search.CatalogChanged;
import org.mlplatform.portal.search.CatalogIndexer;
import org.mlplatform.portal.serving.ServingRuntime;

/**
 * What this node does when another one changed something: re-read it from the shared database
 * (serving, search) or forget what it cached (online rows). Never announces again, so a message
 * cannot bounce between nodes.
 */
@ApplicationScoped
public class ClusterInbox {

  private static final Logger LOG = Logger.getLogger(ClusterInbox.class.getName());

  @Inject private ServingRuntime serving;
  @Inject private CatalogIndexer indexer;
  @Inject private OnlineCache onlineCache;

  public void handle(ClusterMessage message) {
    try {
      switch (message.kind()) {
        case ALIAS_MOVED -> {
          ResourceName model = new ResourceName(message.name(0));
          serving.followElsewhere(model, new AliasName(message.name(1)));
          indexer.changedElsewhere(CatalogChanged.model(model));
        }
        case DEPLOYMENT_CHANGED ->
            serving.deploymentChangedElsewhere(new ResourceName(message.name(0)));
        case CATALOG_CHANGED ->
            indexer.changedElsewhere(
                new CatalogChanged(
                    CatalogChanged.Kind.valueOf(message.name(0)),
                    new ResourceName(message.name(1))));
        case ONLINE_TABLE_CHANGED -> onlineCache.invalidate(message.name(0));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not follow " + message + " from another node", e);
    }
  }
}
