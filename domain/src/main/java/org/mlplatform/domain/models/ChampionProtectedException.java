package org.mlplatform.domain.models;

import org.mlplatform.domain.features.ResourceName;

/**
 * A direct attempt to move or remove {@code champion} (HTTP 403). The message tells the caller how
 * to ask for a promotion instead.
 */
public final class ChampionProtectedException extends ModelRegistry.ForbiddenException {

  private final ResourceName model;
  private final int version;

  public ChampionProtectedException(ResourceName model, int version) {
    super(
        "the champion alias of model "
            + model
            + " moves only through the promotion workflow: ask for a promotion with POST"
            + " /api/v1/models/"
            + model
            + "/versions/"
            + version
            + "/promotions {\"alias\":\"champion\"}");
    this.model = model;
    this.version = version;
  }

  public ResourceName model() {
    return model;
  }

  /** The version the caller wanted as champion, or the champion it wanted to remove. */
  public int version() {
    return version;
  }
}
