package org.mlplatform.domain.features.training;

import java.util.Objects;
import org.mlplatform.domain.features.FeatureType;

/**
 * A column of a training set, in file order.
 *
 * @param feature for a feature column, its {@code view:feature} reference; otherwise null
 */
public record TrainingColumn(String name, FeatureType type, Role role, String feature) {

  /** Where a column's values come from. */
  public enum Role {
    /** The row's moment, {@code event_timestamp}. */
    EVENT_TIMESTAMP,
    /** An entity's join key. */
    JOIN_KEY,
    /** Any other column of the entity rows (a label, request data), passed through. */
    PASSTHROUGH,
    /** A feature joined as of the row's moment, or derived from such features. */
    FEATURE
  }

  public TrainingColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(role, "role");
  }
}
