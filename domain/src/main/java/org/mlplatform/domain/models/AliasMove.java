package org.mlplatform.domain.models;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import org.mlplatform.domain.features.ResourceName;

/**
 * One entry of an alias's history: where it pointed before and after a change, who made it, when
 * and why. Written in the same transaction as the change; never changed afterwards.
 *
 * @param fromVersion empty when the alias was created by this move
 * @param toVersion empty when the alias was removed by this move
 */
public record AliasMove(
    ResourceName model,
    AliasName alias,
    OptionalInt fromVersion,
    OptionalInt toVersion,
    String movedBy,
    Instant movedAt,
    String reason) {

  public AliasMove {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(alias, "alias");
    fromVersion = Objects.requireNonNullElse(fromVersion, OptionalInt.empty());
    toVersion = Objects.requireNonNullElse(toVersion, OptionalInt.empty());
    if (fromVersion.isEmpty() && toVersion.isEmpty()) {
      throw new IllegalArgumentException("an alias move goes from a version, to one, or both");
    }
    movedBy = Texts.required("actor", movedBy, Texts.PERSON_MAX);
    Objects.requireNonNull(movedAt, "movedAt");
    reason = Texts.optional("reason", reason, Texts.DESCRIPTION_MAX);
  }
}
