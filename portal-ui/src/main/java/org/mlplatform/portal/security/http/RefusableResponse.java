package org.mlplatform.portal.security.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The response as seen downstream of a {@link BodyGuard}. Once the body has been refused, whatever
 * downstream makes of its failed read (a 400 "malformed JSON", a 500) goes nowhere, so that the
 * filter alone answers, with the refusal's status. Until then everything passes through.
 */
final class RefusableResponse extends HttpServletResponseWrapper {

  private final BodyGuard guard;

  RefusableResponse(HttpServletResponse response, BodyGuard guard) {
    super(response);
    this.guard = guard;
  }

  private boolean muted() {
    return guard.refused();
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    return muted() ? new DiscardingStream() : super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    return muted() ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
  }

  @Override
  public void setStatus(int status) {
    if (!muted()) {
      super.setStatus(status);
    }
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    if (!muted()) {
      super.sendError(status, message);
    }
  }

  @Override
  public void sendError(int status) throws IOException {
    if (!muted()) {
      super.sendError(status);
    }
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    if (!muted()) {
      super.sendRedirect(location);
    }
  }

  @Override
  public void sendRedirect(String location, boolean clearBuffer) throws IOException {
    if (!muted()) {
      super.sendRedirect(location, clearBuffer);
    }
  }

  @Override
  public void sendRedirect(String location, int status) throws IOException {
    if (!muted()) {
      super.sendRedirect(location, status);
    }
  }

  @Override
  public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
    if (!muted()) {
      super.sendRedirect(location, status, clearBuffer);
    }
  }

  @Override
  public void setHeader(String name, String value) {
    if (!muted()) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!muted()) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    if (!muted()) {
      super.setIntHeader(name, value);
    }
  }

  @Override
  public void addIntHeader(String name, int value) {
    if (!muted()) {
      super.addIntHeader(name, value);
    }
  }

  @Override
  public void setDateHeader(String name, long date) {
    if (!muted()) {
      super.setDateHeader(name, date);
    }
  }

  @Override
  public void addDateHeader(String name, long date) {
    if (!muted()) {
      super.addDateHeader(name, date);
    }
  }

  @Override
  public void addCookie(Cookie cookie) {
    if (!muted()) {
      super.addCookie(cookie);
    }
  }

  @Override
  public void setContentType(String type) {
    if (!muted()) {
      super.setContentType(type);
    }
  }

  @Override
  public void setContentLength(int length) {
    if (!muted()) {
      super.setContentLength(length);
    }
  }

  @Override
  public void setContentLengthLong(long length) {
    if (!muted()) {
      super.setContentLengthLong(length);
    }
  }

  @Override
  public void setCharacterEncoding(String charset) {
    if (!muted()) {
      super.setCharacterEncoding(charset);
    }
  }

  @Override
  public void setCharacterEncoding(Charset charset) {
    if (!muted()) {
      super.setCharacterEncoding(charset);
    }
  }

  @Override
  public void flushBuffer() throws IOException {
    if (!muted()) {
      super.flushBuffer();
    }
  }

  @Override
  public void resetBuffer() {
    if (!muted()) {
      super.resetBuffer();
    }
  }

  @Override
  public void reset() {
    if (!muted()) {
      super.reset();
    }
  }

  private static final class DiscardingStream extends ServletOutputStream {

    @Override
    public void write(int b) {
      // the filter answers instead
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      // the filter answers instead
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      try {
        listener.onWritePossible();
      } catch (IOException e) {
        listener.onError(e);
      }
    }
  }
}
