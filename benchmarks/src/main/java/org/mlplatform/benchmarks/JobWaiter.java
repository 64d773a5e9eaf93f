package org.mlplatform.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Waits for a platform job that a 202 answer started, as the load drivers' set-up needs. */
public final class JobWaiter {

  private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
  private static final Pattern JOB = Pattern.compile("\"jobId\":\"([\\w-]+)\"");
  private static final long DEADLINE_NANOS = TimeUnit.MINUTES.toNanos(5);

  private final HttpClient http;
  private final URI base;
  private final RenewingToken tokens;

  public JobWaiter(HttpClient http, URI base, RenewingToken tokens) {
    this.http = http;
    this.base = base;
    this.tokens = tokens;
  }

  /** Returns once the job succeeded; throws with the job's answer when it failed or hung. */
  public void await(HttpResponse<String> accepted, String what)
      throws IOException, InterruptedException {
    Matcher job = JOB.matcher(accepted.body());
    if (accepted.statusCode() != 202 || !job.find()) {
      throw new IllegalStateException(
          what + " answered " + accepted.statusCode() + ": " + accepted.body());
    }
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (System.nanoTime() - deadline < 0) {
      String body =
          http.send(
                  HttpRequest.newBuilder(base.resolve("/api/v1/jobs/" + job.group(1)))
                      .timeout(Duration.ofSeconds(30))
                      .header("Authorization", "Bearer " + tokens.current())
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher state = STATE.matcher(body);
      String now = state.find() ? state.group(1) : "";
      if (now.equals("SUCCEEDED")) {
        return;
      }
      if (now.equals("FAILED")) {
        throw new IllegalStateException(what + " failed: " + body);
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(what + " did not finish within 5 minutes");
  }
}
