package org.mlplatform.domain.serving;

import org.mlplatform.domain.DomainValidationException;

/**
 * A canary: one version of the deployed model taking a fixed share of the traffic, the rest going
 * to the version the deployment's alias points at.
 *
 * @param version the canary version's number
 * @param percent the share of requests it receives, 1 to 99 (0 would be no canary, 100 a move of
 *     the alias, which is the promotion workflow's business)
 */
public record CanaryRoute(int version, int percent) {

  public CanaryRoute {
    if (version < 1) {
      throw new DomainValidationException(
          "canary.version", "version numbers start at 1, got " + version);
    }
    if (percent < 1 || percent > 99) {
      throw new DomainValidationException(
          "canary.percent", "a canary takes 1 to 99 percent of the traffic, got " + percent);
    }
  }

  @Override
  public String toString() {
    return "v" + version + " at " + percent + "%";
  }
}
