package org.mlplatform.portal.ui.deployments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mlplatform.domain.serving.BatchingPolicy;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.serving.engine.DeploymentStatus;
import org.mlplatform.serving.engine.Route;

/** How the Deployments pages put a deployment into words. */
final class DeploymentText {

  /** The state shown while the engine has no status for a saved deployment. */
  static final String NOT_LOADED = "NOT LOADED";

  private DeploymentText() {}

  /** {@code v2 primary 90%, v3 canary 10%, v4 shadow}; empty when nothing is served. */
  static String served(List<DeploymentStatus.ServedVersion> versions) {
    return versions.stream().map(DeploymentText::served).collect(Collectors.joining(", "));
  }

  static String served(DeploymentStatus.ServedVersion version) {
    return "v" + version.version() + " " + share(version);
  }

  /** {@code primary 90%}, {@code canary 10%}, {@code shadow} (a copy, no share). */
  static String share(DeploymentStatus.ServedVersion version) {
    return version.route().label()
        + (version.route() == Route.SHADOW ? "" : " " + version.percent() + "%");
  }

  /** What the deployment asks for, for when nothing is loaded: {@code champion, canary v3 10%}. */
  static String configured(Deployment deployment) {
    return deployment.alias().value()
        + deployment
            .canary()
            .map(c -> ", canary v" + c.version() + " " + c.percent() + "%")
            .orElse("")
        + (deployment.shadowVersion().isPresent()
            ? ", shadow v" + deployment.shadowVersion().getAsInt()
            : "");
  }

  /** {@code off}, or {@code up to 32 requests within 2 ms}. */
  static String batching(BatchingPolicy batching) {
    if (!batching.enabled()) {
      return "off";
    }
    return "up to "
        + batching.maxBatchSize()
        + " requests within "
        + DeploymentInput.millis(batching.maxDelay())
        + " ms";
  }

  /** {@code off}, or {@code 1000 entries}. */
  static String cache(int entries) {
    return entries == 0 ? "off" : entries + (entries == 1 ? " entry" : " entries");
  }

  /** {@code alice, 2026-01-01 10:00:00 UTC}. */
  static String updated(Deployment deployment) {
    return deployment.updatedBy() + ", " + Times.format(deployment.updatedAt());
  }

  /** READY, LOADING, FAILED, or NOT LOADED when the engine does not know the deployment. */
  static String state(Optional<DeploymentStatus> status) {
    return status.map(s -> s.state().name()).orElse(NOT_LOADED);
  }

  /** A latency in microseconds as milliseconds: {@code 0.014 ms}, {@code 12.5 ms}. */
  static String latency(long micros) {
    return DeploymentInput.millis(java.time.Duration.ofNanos(micros * 1_000)) + " ms";
  }

  /** At most {@code max} characters, with an ellipsis when cut. */
  static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
