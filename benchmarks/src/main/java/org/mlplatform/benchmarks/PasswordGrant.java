package org.mlplatform.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An access token for a demo user from the local Keycloak's public CLI client. */
final class PasswordGrant {

  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

  private PasswordGrant() {}

  /** Logs in as a demo user (whose password is their name). */
  static String accessToken(HttpClient http, String tokenUrl, String user)
      throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=mlp-cli&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(user, StandardCharsets.UTF_8);
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(tokenUrl))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = TOKEN.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no token: " + body);
    }
    return m.group(1);
  }
}
