package org.mlplatform.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

/**
 * Alice's access token for the load drivers, fetched again well before it expires (Keycloak's
 * default lifetime is five minutes); safe to share between callers.
 */
public final class RenewingToken {

  private static final long RENEW_NANOS = TimeUnit.MINUTES.toNanos(2);

  private final HttpClient http;
  private final String url;
  private final String user;
  private volatile String token;
  private volatile long renewAt;

  /** Alice's token: she may read, write and predict. */
  public RenewingToken(HttpClient http, String url) {
    this(http, url, "alice");
  }

  /** The token of one of the local realm's users (their password is their name). */
  public RenewingToken(HttpClient http, String url, String user) {
    this.http = http;
    this.url = url;
    this.user = user;
  }

  public String user() {
    return user;
  }

  public String current() throws IOException, InterruptedException {
    if (token == null || System.nanoTime() - renewAt > 0) {
      renew();
    }
    return token;
  }

  private synchronized void renew() throws IOException, InterruptedException {
    if (token != null && System.nanoTime() - renewAt <= 0) {
      return; // another caller renewed it meanwhile
    }
    token = PasswordGrant.accessToken(http, url, user);
    renewAt = System.nanoTime() + RENEW_NANOS;
  }
}
