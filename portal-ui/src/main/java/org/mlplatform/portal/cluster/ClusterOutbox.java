package org.mlplatform.portal.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.portal.search.CatalogChanged;
import org.mlplatform.portal.serving.AliasMoved;

/**
 * Announces this node's committed changes to the others. Only after the commit: a node that hears
 * of a change must find it in the database.
 */
@ApplicationScoped
public class ClusterOutbox {

  @Inject private ClusterBus bus;

  void aliasMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) AliasMoved moved) {
    bus.publish(
        ClusterMessage.of(
            ClusterMessage.Kind.ALIAS_MOVED, moved.model().value(), moved.alias().value()));
  }

  void catalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
    bus.publish(
        ClusterMessage.of(
            ClusterMessage.Kind.CATALOG_CHANGED, change.kind().name(), change.name().value()));
  }

  /** A deployment was saved or removed (callers announce once their transaction committed). */
  public void deploymentChanged(ResourceName model) {
    bus.publish(ClusterMessage.of(ClusterMessage.Kind.DEPLOYMENT_CHANGED, model.value()));
  }

  /** Online rows of a table were written: other nodes drop what they cached of it. */
  public void onlineTableChanged(String table) {
    bus.publish(ClusterMessage.of(ClusterMessage.Kind.ONLINE_TABLE_CHANGED, table));
  }
}
