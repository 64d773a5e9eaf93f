package org.mlplatform.portal.ui.deployments;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.serving.BatchingPolicy;
import org.mlplatform.domain.serving.CanaryRoute;
import org.mlplatform.domain.serving.Deployment;

/**
 * What the deployment form holds, as typed: every field a string, blank meaning "not set". {@link
 * #toDeployment} turns it into a {@link Deployment} or throws a {@link DomainValidationException}
 * naming the field at fault in the domain's terms ({@code canary.percent}, {@code
 * batching.maxDelay}, ...), so the form can mark it.
 */
public record DeploymentInput(
    String model,
    String alias,
    String canaryVersion,
    String canaryPercent,
    String shadowVersion,
    String maxBatchSize,
    String maxDelayMs,
    String cacheEntries) {

  /** The form's starting point: follow {@code champion}, no canary, shadow, batching or cache. */
  public static DeploymentInput defaults(String model) {
    return new DeploymentInput(
        model == null ? "" : model, AliasName.CHAMPION.value(), "", "", "", "1", "0", "0");
  }

  /** An existing deployment as the form shows it. */
  public static DeploymentInput of(Deployment deployment) {
    return new DeploymentInput(
        deployment.model().value(),
        deployment.alias().value(),
        deployment.canary().map(c -> Integer.toString(c.version())).orElse(""),
        deployment.canary().map(c -> Integer.toString(c.percent())).orElse(""),
        deployment.shadowVersion().isPresent()
            ? Integer.toString(deployment.shadowVersion().getAsInt())
            : "",
        Integer.toString(deployment.batching().maxBatchSize()),
        millis(deployment.batching().maxDelay()),
        Integer.toString(deployment.cacheEntries()));
  }

  /** The deployment this input describes, changed by {@code by} at {@code at}. */
  public Deployment toDeployment(String by, Instant at) {
    Deployment deployment = Deployment.of(ResourceName.of("model", strip(model)), by, at);
    String aliasText = strip(alias);
    if (!aliasText.isEmpty()) {
      deployment = deployment.withAlias(AliasName.of("alias", aliasText));
    }
    Integer canary = whole("canary.version", canaryVersion);
    Integer percent = whole("canary.percent", canaryPercent);
    if (canary != null && percent == null) {
      throw new DomainValidationException(
          "canary.percent", "give the canary's share of the traffic, 1 to 99 percent");
    }
    if (canary == null && percent != null) {
      throw new DomainValidationException(
          "canary.version", "give the canary's version, or clear the percent");
    }
    if (canary != null) {
      deployment = deployment.withCanary(new CanaryRoute(canary, percent));
    }
    Integer shadow = whole("shadowVersion", shadowVersion);
    if (shadow != null) {
      deployment = deployment.withShadow(shadow);
    }
    Integer batch = whole("batching.maxBatchSize", maxBatchSize);
    Duration delay = delay(maxDelayMs);
    deployment =
        deployment.withBatching(
            new BatchingPolicy(batch == null ? 1 : batch, delay == null ? Duration.ZERO : delay));
    Integer cache = whole("cacheEntries", cacheEntries);
    return deployment.withCacheEntries(cache == null ? 0 : cache);
  }

  private static String strip(String text) {
    return text == null ? "" : text.strip();
  }

  /** Null when blank; otherwise a whole number or an error naming {@code field}. */
  static Integer whole(String field, String text) {
    String value = strip(text);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new DomainValidationException(field, "a whole number, got '" + shorten(value) + "'");
    }
  }

  private static Duration delay(String text) {
    String value = strip(text);
    if (value.isEmpty()) {
      return null;
    }
    BigDecimal millis;
    try {
      millis = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new DomainValidationException(
          "batching.maxDelay", "milliseconds as a number (0.5, 2), got '" + shorten(value) + "'");
    }
    if (millis.signum() < 0 || millis.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new DomainValidationException(
          "batching.maxDelay", "the batching delay is 0 to 100 ms, got " + value);
    }
    return Duration.ofNanos(millis.movePointRight(6).longValue());
  }

  /** A delay in milliseconds without needless digits: 2, 0.5, 0.125. */
  static String millis(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos())
        .movePointLeft(6)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String shorten(String value) {
    return value.length() <= 20 ? value : value.substring(0, 20) + "...";
  }
}
