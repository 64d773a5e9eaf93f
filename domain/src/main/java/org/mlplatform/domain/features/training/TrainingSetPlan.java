package org.mlplatform.domain.features.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.DerivedFeatures;
import org.mlplatform.domain.features.EntityDefinition;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.OfflineTable;

/**
 * What a training set reads: the feature views (at their newest versions) behind the requested
 * features, with each requested feature's place in its view. Built once per request; the versions
 * it names are the ones the snapshot records.
 */
public final class TrainingSetPlan {

  /** One view's share of the request. */
  public record ViewPart(
      FeatureViewDefinition view,
      OfflineTable table,
      DerivedFeatures derived,
      List<Requested> requested) {

    public List<JoinKey> joinKeys() {
      return table.joinKeys();
    }
  }

  /**
   * A requested feature of a view.
   *
   * @param storedIndex its index among the view's stored features, or -1 when it is derived
   * @param derivedIndex its index among the view's derived features, or -1 when it is stored
   */
  public record Requested(FeatureRef ref, FeatureType type, int storedIndex, int derivedIndex) {}

  private final List<FeatureRef> features;
  private final List<ViewPart> parts;

  private TrainingSetPlan(List<FeatureRef> features, List<ViewPart> parts) {
    this.features = List.copyOf(features);
    this.parts = List.copyOf(parts);
  }

  /**
   * Plans a request for these features, blaming the {@code features} field for a reference to a
   * view or feature that does not exist.
   */
  public static TrainingSetPlan of(List<FeatureRef> features, FeatureRegistry registry) {
    if (features.isEmpty()) {
      throw new DomainValidationException("features", "name at least one feature");
    }
    Map<ResourceName, List<FeatureRef>> byView = new LinkedHashMap<>();
    for (FeatureRef ref : features) {
      List<FeatureRef> refs = byView.computeIfAbsent(ref.view(), v -> new ArrayList<>());
      if (refs.contains(ref)) {
        throw new DomainValidationException("features", "feature " + ref + " is asked for twice");
      }
      refs.add(ref);
    }
    List<ViewPart> parts = new ArrayList<>();
    byView.forEach(
        (viewName, refs) -> {
          FeatureViewDefinition view;
          try {
            view = registry.latestView(viewName);
          } catch (FeatureRegistry.NotFoundException e) {
            throw new DomainValidationException("features", "unknown feature view " + viewName);
          }
          List<EntityDefinition> entities = view.entities().stream().map(registry::entity).toList();
          DerivedFeatures derived = DerivedFeatures.of(view);
          List<Requested> requested = new ArrayList<>();
          for (FeatureRef ref : refs) {
            requested.add(requested(view, derived, ref));
          }
          parts.add(new ViewPart(view, OfflineTable.of(view, entities), derived, requested));
        });
    return new TrainingSetPlan(features, parts);
  }

  private static Requested requested(
      FeatureViewDefinition view, DerivedFeatures derived, FeatureRef ref) {
    List<FeatureDefinition> stored = view.features();
    for (int i = 0; i < stored.size(); i++) {
      if (stored.get(i).name().equals(ref.feature())) {
        return new Requested(ref, stored.get(i).type(), i, -1);
      }
    }
    for (int i = 0; i < derived.definitions().size(); i++) {
      if (derived.definitions().get(i).name().equals(ref.feature())) {
        return new Requested(ref, derived.definitions().get(i).type(), -1, i);
      }
    }
    throw new DomainValidationException(
        "features", "feature view " + view.name() + " has no feature " + ref.feature());
  }

  /** The requested features, in the order their columns appear. */
  public List<FeatureRef> features() {
    return features;
  }

  public List<ViewPart> parts() {
    return parts;
  }

  /** The view versions read, by view name: what the snapshot's lineage records. */
  public Map<String, Integer> viewVersions() {
    Map<String, Integer> versions = new LinkedHashMap<>();
    parts.forEach(p -> versions.put(p.view().name().value(), p.view().version()));
    return versions;
  }

  /** The expressions of the derived features requested, by {@code view:feature}. */
  public Map<String, String> derivedExpressions() {
    Map<String, String> expressions = new LinkedHashMap<>();
    for (ViewPart part : parts) {
      for (Requested r : part.requested()) {
        if (r.derivedIndex() >= 0) {
          expressions.put(
              r.ref().toString(), part.derived().definitions().get(r.derivedIndex()).expression());
        }
      }
    }
    return expressions;
  }
}
