package org.mlplatform.portal.security.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A request body read through a {@link BodyGuard}. A read that breaks a limit fails, and the
 * refusal stays to be answered whatever the reader made of the failure (JSON parsers wrap it in
 * their own exceptions). Every read, skips included, goes through the guard.
 */
public final class GuardedBody extends InputStream {

  private final InputStream in;
  private final BodyGuard guard;
  private final byte[] single = new byte[1];

  GuardedBody(InputStream in, BodyGuard guard) {
    this.in = in;
    this.guard = guard;
  }

  /** Why the body was refused, once a read has broken a limit. */
  public Optional<Refusal> refusal() {
    return guard.refusal();
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      single[0] = (byte) b;
      guard.inspect(single, 0, 1);
    } else {
      guard.end();
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      guard.inspect(buffer, offset, n);
    } else if (n < 0) {
      guard.end();
    }
    return n;
  }

  /**
   * Leaves the carrier's stream open: a refused body's rest must still be read (drained) before the
   * answer, and the carrier closes the stream when the exchange ends.
   */
  @Override
  public void close() {}
}
