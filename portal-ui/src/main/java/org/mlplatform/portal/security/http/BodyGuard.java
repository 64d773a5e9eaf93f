package org.mlplatform.portal.security.http;

import java.util.Optional;

/**
 * Watches one request body as it streams in: counts its bytes against the size limit and, for JSON,
 * its nesting against the depth limit and its end against an open value. The first broken limit is
 * remembered, so the filter can answer it whatever the reader downstream made of the failed read.
 */
final class BodyGuard {

  private final long maxBytes;
  private final int maxDepth;
  private final JsonNesting nesting;
  private long received;
  private volatile Refusal refusal;

  /**
   * @param maxDepth the nesting limit, or 0 for a body that is not JSON
   */
  BodyGuard(long maxBytes, int maxDepth) {
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
    this.nesting = maxDepth > 0 ? new JsonNesting(maxDepth) : null;
  }

  /**
   * Takes bytes just read from the body.
   *
   * @throws BodyRefusedException when they break a limit, and on every read after that
   */
  void inspect(byte[] bytes, int offset, int length) throws BodyRefusedException {
    if (refusal == null) {
      // Nesting is judged on the bytes within the size limit, so a body that breaks both limits
      // hears about the one it broke first.
      int withinLimit = (int) Math.min(length, Math.max(0, maxBytes - received));
      received += length;
      if (nesting != null && !nesting.accept(bytes, offset, withinLimit)) {
        refusal = Refusal.tooDeep(maxDepth);
      } else if (received > maxBytes) {
        refusal = Refusal.tooLarge(maxBytes);
      }
    }
    if (refusal != null) {
      throw new BodyRefusedException(refusal);
    }
  }

  /**
   * Notes the end of the body.
   *
   * @throws BodyRefusedException when a JSON body ends inside a value, or was refused before
   */
  void end() throws BodyRefusedException {
    if (refusal == null && nesting != null && nesting.isOpen()) {
      refusal = Refusal.truncated();
    }
    if (refusal != null) {
      throw new BodyRefusedException(refusal);
    }
  }

  Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  boolean refused() {
    return refusal != null;
  }
}
