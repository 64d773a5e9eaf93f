package org.mlplatform.portal.security.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/** A request whose body is read through a {@link BodyGuard}, chunked or not. */
final class GuardedRequest extends HttpServletRequestWrapper {

  private final BodyGuard guard;
  private ServletInputStream body;

  GuardedRequest(HttpServletRequest request, BodyGuard guard) {
    super(request);
    this.guard = guard;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (body == null) {
      body = new GuardedInputStream(super.getInputStream(), guard);
    }
    return body;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
  }

  /** The declared encoding; JSON's own (UTF-8) when none is declared. */
  private Charset charset() throws UnsupportedEncodingException {
    String name = getCharacterEncoding();
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new UnsupportedEncodingException(name);
    }
  }

  /** The guarded body as the servlet API's stream; the container's stream answers the rest. */
  private static final class GuardedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final GuardedBody body;

    GuardedInputStream(ServletInputStream in, BodyGuard guard) {
      this.in = in;
      this.body = new GuardedBody(in, guard);
    }

    @Override
    public int read() throws IOException {
      return body.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return body.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    /** As {@link GuardedBody#close()}: the container closes its stream. */
    @Override
    public void close() {}
  }
}
