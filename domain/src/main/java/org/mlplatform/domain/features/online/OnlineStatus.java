package org.mlplatform.domain.features.online;

/**
 * What an online lookup found for one feature of one entity, as Feast reports it. Stored and
 * serialised by name.
 */
public enum OnlineStatus {
  /** The entity has a value for the feature, fresh enough for the view's TTL. */
  PRESENT,
  /** The online store has no row for the entity (never materialised, or unknown). */
  NOT_FOUND,
  /** The entity's latest row is fresh, but this feature is null in it. */
  NULL_VALUE,
  /** The entity's latest row is older than the view's TTL allows; its value is withheld. */
  OUTSIDE_MAX_AGE
}
