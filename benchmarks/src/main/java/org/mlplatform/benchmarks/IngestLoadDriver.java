package org.mlplatform.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 3's ingest benchmark against a running platform: streams a generated CSV of N rows x 10
 * FLOAT64 features to {@code POST /api/v1/feature-views/{view}/rows} (chunked, so it runs as a job)
 * and reports rows per second from the first byte sent to the job's success.
 *
 * <p>Arguments: base URL, token URL, rows, order, uploads (defaults: http://localhost:8080,
 * http://localhost:8180/realms/mlp/protocol/openid-connect/token, 1000000, {@code sorted}, 1).
 * Order {@code sorted} sends the rows by ascending entity key, {@code shuffled} in a scrambled
 * order (the same rows); uploads above 1 send the same CSV again to the same view, each timed on
 * its own (the first load of an empty table and re-sends take different paths). Logs in as alice.
 */
public final class IngestLoadDriver {

  private static final Logger LOG = Logger.getLogger(IngestLoadDriver.class.getName());
  private static final int FEATURES = 10;
  private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
  private static final Pattern JOB = Pattern.compile("\"jobId\":\"([\\w-]+)\"");

  private IngestLoadDriver() {}

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    String tokenUrl =
        args.length > 1
            ? args[1]
            : "http://localhost:8180/realms/mlp/protocol/openid-connect/token";
    long rows = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
    boolean shuffled = args.length > 3 && args[3].equals("shuffled");
    int uploads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    HttpClient http = HttpClient.newHttpClient();
    String token = PasswordGrant.accessToken(http, tokenUrl, "alice");
    String view = "bench_ingest_" + Long.toString(System.nanoTime(), 36);
    define(http, base, token, view);

    for (int upload = 1; upload <= uploads; upload++) {
      long t0 = System.nanoTime();
      HttpResponse<String> accepted =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/feature-views/" + view + "/rows"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "text/csv")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new GeneratedCsv(rows, shuffled)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher job = JOB.matcher(accepted.body());
      if (accepted.statusCode() != 202 || !job.find()) {
        throw new IllegalStateException(
            "upload answered " + accepted.statusCode() + ": " + accepted.body());
      }
      String state = waitFor(http, base, token, job.group(1));
      double seconds = (System.nanoTime() - t0) / 1e9;
      LOG.info(
          String.format(
              Locale.ROOT,
              "%s: %,d rows x %d features in %.1f s = %,.0f rows/s (view %s, %s, upload %d)",
              state,
              rows,
              FEATURES,
              seconds,
              rows / seconds,
              view,
              shuffled ? "shuffled" : "sorted",
              upload));
    }
  }

  private static String waitFor(HttpClient http, String base, String token, String jobId)
      throws IOException, InterruptedException {
    while (true) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/" + jobId))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = STATE.matcher(body);
      if (m.find() && (m.group(1).equals("SUCCEEDED") || m.group(1).equals("FAILED"))) {
        return m.group(1).equals("FAILED") ? "FAILED " + body : m.group(1);
      }
      Thread.sleep(100);
    }
  }

  private static void define(HttpClient http, String base, String token, String view)
      throws IOException, InterruptedException {
    post(
        http,
        base + "/api/v1/entities",
        token,
        "{\"name\":\"bench_customer\",\"joinKeys\":[{\"name\":\"bench_customer_id\",\"type\":\"INT64\"}]}");
    StringBuilder features = new StringBuilder();
    for (int f = 0; f < FEATURES; f++) {
      features
          .append(f == 0 ? "" : ",")
          .append("{\"name\":\"f")
          .append(f)
          .append("\",\"type\":\"FLOAT64\"}");
    }
    HttpResponse<String> created =
        post(
            http,
            base + "/api/v1/feature-views",
            token,
            "{\"name\":\""
                + view
                + "\",\"entities\":[\"bench_customer\"],\"features\":["
                + features
                + "]}");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("creating the view: " + created.body());
    }
  }

  private static HttpResponse<String> post(HttpClient http, String url, String token, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The CSV, generated as it is sent: the driver's memory stays flat whatever the row count. Each
   * read fills the caller's buffer with as many lines as fit, as a file upload would (one line per
   * read made the HTTP client send one ~80-byte chunk per row, which measured the chunk handling of
   * client and server rather than ingestion). Feature values are {@code (entity * 31 + f) % 1000 /
   * 10.0} for the row's entity, spelled as {@link Double#toString} spells them.
   */
  static final class GeneratedCsv extends InputStream {
    private static final byte[] TIMESTAMP =
        ",2026-01-01T00:00:00Z".getBytes(StandardCharsets.US_ASCII);

    private final long rows;
    private final long stride;
    private final byte[] line = new byte[256];
    private long row = -1;
    private int lineLength;
    private int pos;

    GeneratedCsv(long rows, boolean shuffled) {
      this.rows = rows;
      this.stride = shuffled ? stride(rows) : 1;
    }

    /**
     * A step near the golden ratio of the row count with no common divisor with it: row {@code r}
     * of a shuffled upload is entity {@code r * stride mod rows}, every entity once, and
     * neighbouring rows far apart.
     */
    private static long stride(long rows) {
      long stride = Math.max(1, (long) (rows * 0.6180339887));
      while (BigInteger.valueOf(stride).gcd(BigInteger.valueOf(rows)).longValue() != 1) {
        stride++;
      }
      return stride;
    }

    @Override
    public int read() {
      if (pos >= lineLength && !nextLine()) {
        return -1;
      }
      return line[pos++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      int written = 0;
      while (written < length) {
        if (pos >= lineLength && !nextLine()) {
          break;
        }
        int n = Math.min(length - written, lineLength - pos);
        System.arraycopy(line, pos, buffer, offset + written, n);
        pos += n;
        written += n;
      }
      return written == 0 && length > 0 ? -1 : written;
    }

    private boolean nextLine() {
      if (row >= rows) {
        return false;
      }
      lineLength = 0;
      pos = 0;
      if (row < 0) {
        StringBuilder header = new StringBuilder("bench_customer_id,event_timestamp");
        for (int f = 0; f < FEATURES; f++) {
          header.append(",f").append(f);
        }
        put(header.toString().getBytes(StandardCharsets.US_ASCII));
      } else {
        long entity = Math.multiplyExact(row, stride) % rows;
        putDigits(entity);
        put(TIMESTAMP);
        for (int f = 0; f < FEATURES; f++) {
          long tenths = (entity * 31 + f) % 1000;
          line[lineLength++] = ',';
          putDigits(tenths / 10);
          line[lineLength++] = '.';
          line[lineLength++] = (byte) ('0' + tenths % 10);
        }
      }
      line[lineLength++] = '\n';
      row++;
      return true;
    }

    private void put(byte[] bytes) {
      System.arraycopy(bytes, 0, line, lineLength, bytes.length);
      lineLength += bytes.length;
    }

    private void putDigits(long value) {
      String digits = Long.toString(value);
      for (int i = 0; i < digits.length(); i++) {
        line[lineLength++] = (byte) digits.charAt(i);
      }
    }
  }
}
