package org.mlplatform.domain.models;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRef;

/**
 * Which features feed a model input, column by column: entry {@code i} is the value at position
 * {@code i} of the input's last axis. Without it a serving call by entity key could not build the
 * tensor, and a retraining could not rebuild the same columns.
 *
 * @param input the model input the features feed ({@code input} for models exported by Tribuo)
 * @param features {@code view:feature} references or training-set column names, in input order
 */
public record FeatureMapping(String input, List<String> features) {

  /** The input name of models exported by Tribuo and of most single-input models. */
  public static final String DEFAULT_INPUT = "input";

  private static final int COLUMN_MAX = 200;

  public FeatureMapping {
    input = Texts.required("input", input == null ? DEFAULT_INPUT : input, Texts.NAME_MAX);
    features = List.copyOf(Objects.requireNonNull(features, "features"));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < features.size(); i++) {
      String field = "features[" + i + "]";
      String feature = Texts.label(field, features.get(i));
      if (feature.length() > COLUMN_MAX) {
        throw new DomainValidationException(field, "a feature reference is at most 200 characters");
      }
      if (feature.contains(":")) {
        FeatureRef.parse(field, feature);
      }
      if (!seen.add(feature)) {
        throw new DomainValidationException(field, "feature " + feature + " is listed twice");
      }
    }
  }

  /** No mapping: the model's inputs are fed by the caller as raw tensors. */
  public static FeatureMapping none() {
    return new FeatureMapping(DEFAULT_INPUT, List.of());
  }

  /** The given features feeding the input named {@code input}. */
  public static FeatureMapping of(List<String> features) {
    return new FeatureMapping(DEFAULT_INPUT, features);
  }

  public boolean isEmpty() {
    return features.isEmpty();
  }
}
