package org.mlplatform.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.mlplatform.portal.config.PlatformSettings;

/**
 * The identity provider's endpoints, read from its discovery document on first use and kept. A
 * failed read is not cached, so the platform recovers once the provider is reachable.
 */
@ApplicationScoped
public class OidcProvider {

  /** The endpoints this platform uses. */
  public record Endpoints(String issuer, URI authorization, URI token, URI endSession, URI jwks) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Inject private PlatformSettings settings;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private volatile Endpoints endpoints;

  public Endpoints endpoints() {
    Endpoints e = endpoints;
    if (e == null) {
      synchronized (this) {
        if (endpoints == null) {
          endpoints = discover();
        }
        e = endpoints;
      }
    }
    return e;
  }

  public HttpClient http() {
    return http;
  }

  private Endpoints discover() {
    String issuer = settings.oidcIssuer();
    URI uri = URI.create(issuer + "/.well-known/openid-configuration");
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IdentityProviderUnavailableException(
            "discovery at " + uri + " answered " + response.statusCode());
      }
      JsonObject doc;
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        doc = reader.readObject();
      }
      if (!issuer.equals(doc.getString("issuer", ""))) {
        throw new IdentityProviderUnavailableException(
            "issuer mismatch: configured "
                + issuer
                + ", provider says "
                + doc.getString("issuer", ""));
      }
      return new Endpoints(
          issuer,
          URI.create(doc.getString("authorization_endpoint")),
          URI.create(doc.getString("token_endpoint")),
          doc.containsKey("end_session_endpoint")
              ? URI.create(doc.getString("end_session_endpoint"))
              : null,
          URI.create(doc.getString("jwks_uri")));
    } catch (IOException e) {
      throw new IdentityProviderUnavailableException("cannot reach " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityProviderUnavailableException("interrupted reading " + uri, e);
    }
  }
}
