package org.mlplatform.domain.models.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.mlplatform.domain.models.FeatureMapping;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.compare.LineageChange.Kind;

/** Finds the differences in how two versions were made. */
final class LineageDiff {

  private final List<LineageChange> changes = new ArrayList<>();

  private LineageDiff() {}

  static List<LineageChange> between(
      ModelLineage base,
      ModelLineage candidate,
      Map<String, String> baseHyperparameters,
      Map<String, String> candidateHyperparameters) {
    LineageDiff diff = new LineageDiff();
    diff.single(Kind.SOURCE, base.source().name(), candidate.source().name());
    diff.single(Kind.TRAINING_SET, text(base.trainingSetId()), text(candidate.trainingSetId()));
    diff.single(
        Kind.FEATURE_SERVICE, text(base.featureService()), text(candidate.featureService()));
    diff.features(base.featureMapping(), candidate.featureMapping());
    diff.single(
        Kind.LABELS,
        String.join(", ", base.labelNames()),
        String.join(", ", candidate.labelNames()));
    diff.single(Kind.PARENT, text(base.parentVersion()), text(candidate.parentVersion()));
    diff.single(Kind.ALGORITHM, text(base.algorithm()), text(candidate.algorithm()));
    diff.hyperparameters(baseHyperparameters, candidateHyperparameters);
    return diff.changes;
  }

  private void single(Kind kind, String before, String after) {
    if (!before.equals(after)) {
      changes.add(new LineageChange(kind, "", before, after));
    }
  }

  private void features(FeatureMapping base, FeatureMapping candidate) {
    if (!base.isEmpty() && !candidate.isEmpty()) {
      single(Kind.FEATURE_INPUT, base.input(), candidate.input());
    }
    Set<String> before = new HashSet<>(base.features());
    Set<String> after = new HashSet<>(candidate.features());
    for (String feature : base.features()) {
      if (!after.contains(feature)) {
        changes.add(new LineageChange(Kind.FEATURE_REMOVED, feature, feature, ""));
      }
    }
    for (String feature : candidate.features()) {
      if (!before.contains(feature)) {
        changes.add(new LineageChange(Kind.FEATURE_ADDED, feature, "", feature));
      }
    }
    List<String> keptBefore = base.features().stream().filter(after::contains).toList();
    List<String> keptAfter = candidate.features().stream().filter(before::contains).toList();
    if (!keptBefore.equals(keptAfter)) {
      changes.add(
          new LineageChange(
              Kind.FEATURE_ORDER, "", String.join(", ", keptBefore), String.join(", ", keptAfter)));
    }
  }

  private void hyperparameters(Map<String, String> base, Map<String, String> candidate) {
    Set<String> names = new TreeSet<>(base.keySet());
    names.addAll(candidate.keySet());
    for (String name : names) {
      String before = base.get(name);
      String after = candidate.get(name);
      if (before == null) {
        changes.add(new LineageChange(Kind.HYPERPARAMETER_ADDED, name, "", after));
      } else if (after == null) {
        changes.add(new LineageChange(Kind.HYPERPARAMETER_REMOVED, name, before, ""));
      } else if (!Objects.equals(before, after)) {
        changes.add(new LineageChange(Kind.HYPERPARAMETER_CHANGED, name, before, after));
      }
    }
  }

  private static String text(Optional<String> value) {
    return value.orElse("");
  }

  private static String text(OptionalInt value) {
    return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
  }
}
