package org.mlplatform.serving.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.mlplatform.domain.serving.Deployment;
import org.mlplatform.domain.serving.TrafficSplit;

/**
 * One immutable routing table of a deployment: which loaded version is primary, canary (with its
 * share) and shadow, their micro-batchers and the cache. A swap replaces the whole table at once,
 * so a request sees either the old table or the new one, never a mix.
 */
final class Routing {

  /** The version a request goes to and why. */
  record Selected(LoadedVersion loaded, Route route) {}

  final Deployment deployment;
  final LoadedVersion primary;
  final LoadedVersion canary;
  final LoadedVersion shadow;
  final Map<Integer, MicroBatcher> batchers;
  final PredictionCache cache;

  Routing(
      Deployment deployment,
      LoadedVersion primary,
      LoadedVersion canary,
      LoadedVersion shadow,
      Map<Integer, MicroBatcher> batchers,
      PredictionCache cache) {
    this.deployment = deployment;
    this.primary = primary;
    this.canary = canary;
    this.shadow = shadow;
    this.batchers = Map.copyOf(batchers);
    this.cache = cache;
  }

  /** Primary or canary; with a sticky key the same caller always lands on the same side. */
  Selected pick(String stickyKey) {
    if (canary == null) {
      return new Selected(primary, Route.PRIMARY);
    }
    int percent = deployment.canary().orElseThrow().percent();
    boolean toCanary =
        stickyKey == null || stickyKey.isEmpty()
            ? TrafficSplit.toCanary(percent, ThreadLocalRandom.current())
            : TrafficSplit.toCanary(percent, stickyKey);
    return toCanary ? new Selected(canary, Route.CANARY) : new Selected(primary, Route.PRIMARY);
  }

  /** A version asked for by number, when this table serves it. */
  Selected byNumber(int number) {
    if (primary.id().number() == number) {
      return new Selected(primary, Route.PRIMARY);
    }
    if (canary != null && canary.id().number() == number) {
      return new Selected(canary, Route.CANARY);
    }
    if (shadow != null && shadow.id().number() == number) {
      return new Selected(shadow, Route.SHADOW);
    }
    return null;
  }

  /** Every distinct loaded version by number. */
  Map<Integer, LoadedVersion> loaded() {
    Map<Integer, LoadedVersion> loaded = new LinkedHashMap<>();
    loaded.put(primary.id().number(), primary);
    if (canary != null) {
      loaded.putIfAbsent(canary.id().number(), canary);
    }
    if (shadow != null) {
      loaded.putIfAbsent(shadow.id().number(), shadow);
    }
    return loaded;
  }

  List<DeploymentStatus.ServedVersion> served() {
    List<DeploymentStatus.ServedVersion> served = new ArrayList<>();
    int canaryPercent = canary == null ? 0 : deployment.canary().orElseThrow().percent();
    served.add(
        new DeploymentStatus.ServedVersion(
            primary.id().number(), Route.PRIMARY, 100 - canaryPercent));
    if (canary != null) {
      served.add(
          new DeploymentStatus.ServedVersion(canary.id().number(), Route.CANARY, canaryPercent));
    }
    if (shadow != null) {
      served.add(new DeploymentStatus.ServedVersion(shadow.id().number(), Route.SHADOW, 0));
    }
    return served;
  }

  MicroBatcher batcher(LoadedVersion version) {
    return batchers.get(version.id().number());
  }

  void closeBatchers() {
    batchers.values().forEach(MicroBatcher::close);
  }
}
