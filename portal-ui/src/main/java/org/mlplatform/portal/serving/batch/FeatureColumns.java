package org.mlplatform.portal.serving.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;

/**
 * Where a version's features sit in a CSV header, and which columns are copied through. A feature
 * is found under its own name, or under the other spelling of the same reference: training sets
 * name a column {@code view__feature}, the feature store names it {@code view:feature}, and a
 * caller should not have to rename either.
 *
 * @param featureAt for each feature, in model-input order, its position in the header
 * @param passThrough positions of the other columns, in header order
 */
record FeatureColumns(List<String> header, int[] featureAt, int[] passThrough) {

  FeatureColumns {
    header = List.copyOf(header);
    featureAt = featureAt.clone();
    passThrough = passThrough.clone();
  }

  /**
   * Finds {@code features} in {@code header}.
   *
   * @throws DomainValidationException naming {@code field} when the header is empty, repeats a
   *     column, or lacks features (all of them are named)
   */
  static FeatureColumns locate(List<String> header, List<String> features, String field) {
    if (header == null || header.isEmpty()) {
      throw new DomainValidationException(field, "the CSV has no header row");
    }
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i) == null ? "" : header.get(i).strip();
      if (name.isEmpty()) {
        throw new DomainValidationException(field, "column " + (i + 1) + " has no name");
      }
      if (byName.putIfAbsent(name, i) != null) {
        throw new DomainValidationException(field, "the CSV has two columns named " + name);
      }
    }
    int[] featureAt = new int[features.size()];
    Set<Integer> used = new HashSet<>();
    List<String> missing = new ArrayList<>();
    for (int f = 0; f < features.size(); f++) {
      Integer at = find(byName, features.get(f));
      if (at == null) {
        missing.add(features.get(f));
      } else {
        featureAt[f] = at;
        used.add(at);
      }
    }
    if (!missing.isEmpty()) {
      throw new DomainValidationException(
          field,
          "the CSV has no column for "
              + (missing.size() == 1 ? "feature " : "features ")
              + String.join(", ", missing)
              + " (name a column view__feature or view:feature); the model takes "
              + String.join(", ", features));
    }
    int[] passThrough = new int[header.size() - used.size()];
    int next = 0;
    for (int i = 0; i < header.size(); i++) {
      if (!used.contains(i)) {
        passThrough[next++] = i;
      }
    }
    return new FeatureColumns(header.stream().map(String::strip).toList(), featureAt, passThrough);
  }

  /** The names of the copied-through columns, in header order. */
  List<String> passThroughNames() {
    List<String> names = new ArrayList<>(passThrough.length);
    for (int at : passThrough) {
      names.add(header.get(at));
    }
    return names;
  }

  /** {@code view:feature} for {@code view__feature} (split at the first {@code __}); else as is. */
  static String reference(String feature) {
    if (feature.contains(":")) {
      return feature;
    }
    int split = feature.indexOf("__");
    return split <= 0 ? feature : feature.substring(0, split) + ":" + feature.substring(split + 2);
  }

  /**
   * The feature's own name first, then its other spelling. (Both spellings cannot be ambiguous: one
   * of them is always the feature's own name, which wins.)
   */
  private static Integer find(Map<String, Integer> byName, String feature) {
    Integer exact = byName.get(feature);
    if (exact != null) {
      return exact;
    }
    String reference = reference(feature);
    return byName.getOrDefault(reference, byName.get(reference.replace(":", "__")));
  }
}
