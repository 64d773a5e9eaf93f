package org.mlplatform.portal.serving.oip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.mlplatform.domain.security.PlatformUser;

/** One HTTP exchange as the endpoint needs it, whichever server carries it. */
public interface OipExchange {

  String method();

  /**
   * The path below the routes' prefix: for {@code /v2} empty, {@code /health/live}, {@code
   * /models/x/infer}, ...
   */
  String path();

  String header(String name);

  /** The declared body length, or -1 when the body is chunked. */
  long contentLength();

  InputStream body() throws IOException;

  /** The authenticated caller. */
  PlatformUser user();

  String requestId();

  void responseHeader(String name, String value);

  /** Sends the status and a JSON content type; the body follows on the returned stream. */
  OutputStream respond(int status) throws IOException;
}
