package org.mlplatform.domain.models;

import java.util.Objects;

/**
 * Permission, from an approved promotion, to point one alias at one version: the only way to move
 * or remove {@link AliasName#CHAMPION}.
 *
 * <p>The constructor is public because the promotion workflow lives in another module, but only
 * that workflow may call it, after the review task was approved. REST resources and views never
 * build one: a direct alias change from a user must reach the registry without a grant and be
 * refused. To remove an alias the grant names the version the alias currently points at.
 *
 * @param target the version the promotion approved
 * @param alias the alias the promotion moves
 * @param processInstanceId the promotion process that approved the move, for the alias history
 * @param approvedBy the reviewer who approved it
 */
public record PromotionGrant(
    ModelVersionId target, AliasName alias, String processInstanceId, String approvedBy) {

  public PromotionGrant {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(alias, "alias");
    processInstanceId = Texts.required("processInstanceId", processInstanceId, Texts.NAME_MAX);
    approvedBy = Texts.required("approvedBy", approvedBy, Texts.PERSON_MAX);
  }

  /** Whether this grant allows pointing {@code alias} of {@code version}'s model at it. */
  public boolean allows(AliasName requestedAlias, ModelVersionId version) {
    return alias.equals(requestedAlias) && target.equals(version);
  }
}
