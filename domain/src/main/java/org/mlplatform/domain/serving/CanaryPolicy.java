package org.mlplatform.domain.serving;

import java.util.Locale;

/**
 * When a canary earns the full rollout: enough requests to judge, an error rate no more than a set
 * margin above the champion's over the same window, and latency within a set multiple of the
 * champion's. Too little traffic rolls back: without evidence the champion stays.
 *
 * @param minRequests the fewest canary requests a verdict may rest on
 * @param maxErrorRateIncrease how far (absolute, 0.01 = one percentage point) the canary's error
 *     rate may exceed the champion's
 * @param maxLatencyRatio how many times the champion's mean latency the canary's may reach
 */
public record CanaryPolicy(long minRequests, double maxErrorRateIncrease, double maxLatencyRatio) {

  public static final CanaryPolicy DEFAULT = new CanaryPolicy(20, 0.01, 3.0);

  public CanaryPolicy {
    if (minRequests < 1) {
      throw new IllegalArgumentException("minRequests must be at least 1");
    }
    if (!(maxErrorRateIncrease >= 0 && maxErrorRateIncrease <= 1)) {
      throw new IllegalArgumentException("maxErrorRateIncrease must be between 0 and 1");
    }
    if (!(maxLatencyRatio >= 1 && Double.isFinite(maxLatencyRatio))) {
      throw new IllegalArgumentException("maxLatencyRatio must be at least 1");
    }
  }

  /** The verdict and the figures it rests on, in a sentence. */
  public record Verdict(boolean rollOut, String reason) {}

  public Verdict judge(CanaryEvidence canary, CanaryEvidence champion) {
    String figures =
        String.format(
            Locale.ROOT,
            "canary %d requests, %.2f%% errors, %.2f ms mean; champion %d requests, %.2f%% errors,"
                + " %.2f ms mean",
            canary.requests(),
            100 * canary.errorRate(),
            canary.meanMillis(),
            champion.requests(),
            100 * champion.errorRate(),
            champion.meanMillis());
    if (canary.requests() < minRequests) {
      return new Verdict(
          false,
          "too little traffic to judge (at least " + minRequests + " requests needed): " + figures);
    }
    if (canary.errorRate() > champion.errorRate() + maxErrorRateIncrease) {
      return new Verdict(false, "the canary's error rate is too high: " + figures);
    }
    if (champion.meanMillis() > 0
        && canary.meanMillis() > maxLatencyRatio * champion.meanMillis()) {
      return new Verdict(
          false,
          String.format(Locale.ROOT, "the canary is over %.1f times slower: ", maxLatencyRatio)
              + figures);
    }
    return new Verdict(true, "the canary held up: " + figures);
  }
}
