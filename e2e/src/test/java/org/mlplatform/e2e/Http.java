package org.mlplatform.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for the tests: real tokens from Keycloak, JSON bodies parsed. */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {}

  /** An access token for a demo user, by the password grant on the public CLI client. */
  static String accessToken(String user) {
    return tokens(user).getString("access_token");
  }

  /** The same from another Keycloak realm, such as a cluster's. */
  static String accessToken(String issuer, String user) {
    return tokens(issuer, user).getString("access_token");
  }

  /** The whole token response (access, ID and refresh tokens) for a demo user. */
  static JsonObject tokens(String user) {
    return tokens(RunningPlatform.ISSUER, user);
  }

  private static JsonObject tokens(String issuer, String user) {
    String form =
        Map.of(
                "grant_type", "password",
                "client_id", "mlp-cli",
                "username", user,
                "password", user,
                "scope", "openid")
            .entrySet()
            .stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token for " + user + ": " + response.body());
    }
    return (JsonObject) json(response.body());
  }

  static HttpResponse<String> get(String path, String bearer) {
    return get(RunningPlatform.BASE, path, bearer);
  }

  /** The same from another base, such as the inference port or one node of a cluster. */
  static HttpResponse<String> get(String base, String path, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request.GET().build());
  }

  /** Sends a JSON body with a method (POST, PUT, DELETE) as a user. */
  static HttpResponse<String> json(String method, String path, String bearer, String body) {
    return json(RunningPlatform.BASE, method, path, bearer, body);
  }

  /** The same to another platform, such as one node of a cluster or its balancer. */
  static HttpResponse<String> json(
      String base, String method, String path, String bearer, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Sends, leaving the body for the caller to read: for downloads too large to hold. */
  static HttpResponse<InputStream> stream(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonStructure json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }
}
