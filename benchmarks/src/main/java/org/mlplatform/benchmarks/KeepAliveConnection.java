package org.mlplatform.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection used from one thread, blocking: a request is written and its
 * answer read on the calling thread. The JDK's HttpClient hands every exchange to its selector
 * thread and back; on a two-core machine shared with the server, those hand-offs showed up in the
 * measured tail, so the load driver times lookups with this instead (both can be chosen).
 */
public final class KeepAliveConnection implements Closeable {

  /** Status and body of an answer. */
  public record Answer(int status, byte[] body) {

    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final URI base;
  private final String host;
  private Socket socket;
  private OutputStream out;
  private InputStream in;
  private boolean serverClosing;

  public KeepAliveConnection(URI base) throws IOException {
    this.base = base;
    host = base.getHost() + ":" + base.getPort();
    open();
  }

  /**
   * Opens a new connection when the server said it would close this one (servers cap the requests
   * per connection); call it before starting the clock.
   */
  public void reopenIfClosing() throws IOException {
    if (serverClosing) {
      socket.close();
      open();
    }
  }

  private void open() throws IOException {
    serverClosing = false;
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
    socket.setSoTimeout(30_000);
    out = new BufferedOutputStream(socket.getOutputStream(), 1 << 14);
    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
  }

  /** POSTs a JSON body with a bearer token and reads the whole answer. */
  public Answer postJson(String path, String bearer, byte[] body) throws IOException {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nAuthorization: Bearer "
            + bearer
            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
    return readAnswer();
  }

  /** GETs a path with a bearer token and reads the whole answer. */
  public Answer get(String path, String bearer) throws IOException {
    String head =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nAuthorization: Bearer "
            + bearer
            + "\r\nAccept: application/json\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return readAnswer();
  }

  private Answer readAnswer() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    long length = -1;
    boolean chunked = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        serverClosing = true;
      }
    }
    if (chunked) {
      return new Answer(status, chunkedBody());
    }
    if (length < 0) {
      throw new IOException("an answer without Content-Length or chunked encoding");
    }
    return new Answer(status, in.readNBytes((int) length));
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(line().split(";", 2)[0].trim(), 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      line(); // the CRLF after each chunk
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
