package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mlplatform.domain.features.DerivedFeatures;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * The definitions an online lookup needs (a view's newest version, its table shape and compiled
 * derived features; a feature service's list), kept in memory so the hot path does no catalogue
 * query. A change made through this node clears the entry at once; entries also expire after a few
 * seconds, so changes made elsewhere are picked up.
 */
@ApplicationScoped
public class ServingDefinitions {

  /** How long an entry may be used before it is read again. */
  static final Duration MAX_AGE = Duration.ofSeconds(5);

  /** A view as lookups use it. */
  public record ServedView(
      FeatureViewDefinition view, OfflineTable table, DerivedFeatures derived) {}

  private record Entry<T>(T value, long readAtNanos) {
    boolean fresh() {
      return System.nanoTime() - readAtNanos < MAX_AGE.toNanos();
    }
  }

  @Inject private FeatureStoreService features;
  @Inject private FeatureServices services;

  private final ConcurrentMap<ResourceName, Entry<ServedView>> views = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Entry<List<FeatureRef>>> serviceFeatures =
      new ConcurrentHashMap<>();

  public ServedView view(ResourceName name) {
    Entry<ServedView> entry = views.get(name);
    if (entry == null || !entry.fresh()) {
      FeatureViewDefinition view = features.latestView(name);
      entry =
          new Entry<>(
              new ServedView(
                  view,
                  OfflineTable.of(view, view.entities().stream().map(features::entity).toList()),
                  DerivedFeatures.of(view)),
              System.nanoTime());
      views.put(name, entry);
    }
    return entry.value();
  }

  /** The features a request names: its own list, or its feature service's. */
  public List<FeatureRef> features(List<FeatureRef> listed, String serviceReference) {
    if (serviceReference == null || serviceReference.isBlank()) {
      return services.resolve(listed, null);
    }
    if (listed != null && !listed.isEmpty()) {
      return services.resolve(listed, serviceReference); // refuses both, naming the field
    }
    Entry<List<FeatureRef>> entry = serviceFeatures.get(serviceReference);
    if (entry == null || !entry.fresh()) {
      entry = new Entry<>(services.resolve(List.of(), serviceReference), System.nanoTime());
      serviceFeatures.put(serviceReference, entry);
    }
    return entry.value();
  }

  /** Forgets everything; called after any definition change on this node. */
  public void clear() {
    views.clear();
    serviceFeatures.clear();
  }
}
