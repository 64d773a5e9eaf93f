package org.mlplatform.portal.serving.oip;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the body as it is read, so a chunked body without a length cannot exceed the limit. */
final class BoundedInput extends FilterInputStream {

  /** An I/O failure on purpose: JSON parsers pass I/O failures on as their cause. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge(long limit) {
      super("the request body is over the limit of " + limit + " bytes");
    }
  }

  private final long limit;
  private long read;

  BoundedInput(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  boolean exceeded() {
    return read > limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(long n) throws BodyTooLarge {
    read += n;
    if (read > limit) {
      throw new BodyTooLarge(limit);
    }
  }
}
