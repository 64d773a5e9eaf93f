package org.mlplatform.domain.serving;

/**
 * What one version served during a canary's observation window.
 *
 * @param requests requests it answered or failed on its own (caller mistakes excluded)
 * @param serverErrors requests that failed in the model or the engine
 * @param totalNanos summed latency of the answered requests
 */
public record CanaryEvidence(long requests, long serverErrors, long totalNanos) {

  public CanaryEvidence {
    if (requests < 0 || serverErrors < 0 || totalNanos < 0 || serverErrors > requests) {
      throw new IllegalArgumentException(
          "counts must be non-negative, errors at most requests: " + this);
    }
  }

  /** What happened between an earlier reading of the same counters and this one. */
  public CanaryEvidence since(CanaryEvidence earlier) {
    return new CanaryEvidence(
        Math.max(0, requests - earlier.requests),
        Math.max(0, Math.min(serverErrors - earlier.serverErrors, requests - earlier.requests)),
        Math.max(0, totalNanos - earlier.totalNanos));
  }

  public double errorRate() {
    return requests == 0 ? 0 : (double) serverErrors / requests;
  }

  public double meanMillis() {
    long answered = requests - serverErrors;
    return answered == 0 ? 0 : totalNanos / 1e6 / answered;
  }
}
