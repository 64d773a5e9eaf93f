package org.mlplatform.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;

/**
 * Protects the REST API's front door: only RS256 tokens signed by the realm's key, for our issuer
 * and audience, currently valid, and of Keycloak type {@code Bearer} become a {@link PlatformUser};
 * everything else is an {@link InvalidTokenException} (a 401), and ID tokens must carry our nonce.
 */
class TokenVerifierTest {

  private static final String ISSUER = "https://idp.example/realms/mlp";
  private static final String AUDIENCE = "mlp-api";
  private static final String CLIENT_ID = "mlp-portal";
  private static final String NONCE = "n-0S6_WzA2Mj";
  // Far beyond Nimbus's default clock skew of 60 seconds.
  private static final Duration FAR = Duration.ofHours(1);

  private static RSAKey realmKey;
  private static RSAKey otherKey;
  private static TokenVerifier verifier;

  @BeforeAll
  static void keys() throws JOSEException {
    realmKey = new RSAKeyGenerator(2048).keyID("realm").generate();
    otherKey = new RSAKeyGenerator(2048).keyID("realm").generate();
    verifier =
        new TokenVerifier(
            ISSUER, AUDIENCE, CLIENT_ID, new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())));
  }

  @Test
  void acceptsKeycloakAccessTokenAndMapsPlatformRoles() throws Exception {
    PlatformUser user = verifier.verifyAccessToken(sign(accessToken().build()));

    assertThat(user.username()).isEqualTo("alice");
    assertThat(user.displayName()).isEqualTo("Alice Liddell");
    assertThat(user.roles()).containsExactlyInAnyOrder(Role.DATA_SCIENTIST, Role.REVIEWER);
  }

  @Test
  void acceptsAudienceAmongSeveral() throws Exception {
    String token = sign(accessToken().audience(List.of("account", AUDIENCE)).build());

    assertThat(verifier.verifyAccessToken(token).username()).isEqualTo("alice");
  }

  @Test
  void fallsBackToSubjectWithoutPreferredUsername() throws Exception {
    String token = sign(accessToken().claim("preferred_username", null).build());

    assertThat(verifier.verifyAccessToken(token).username()).isEqualTo("f3c1a2b4-subject");
  }

  @Test
  void emptyAudienceSettingTurnsAudienceCheckOff() throws Exception {
    TokenVerifier lenient =
        new TokenVerifier(
            ISSUER, "", CLIENT_ID, new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())));
    String token = sign(accessToken().audience("someone-else").build());

    assertThat(lenient.verifyAccessToken(token).username()).isEqualTo("alice");
  }

  @Test
  void aVerifiedTokenIsRememberedButAForgeryOfItIsNot() throws Exception {
    String token = sign(accessToken().build());
    assertThat(verifier.verifyAccessToken(token).username()).isEqualTo("alice");
    String[] parts = token.split("\\.");
    String forged =
        accessToken().claim("realm_access", Map.of("roles", List.of("admin"))).build().toString();
    parts[1] =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.getBytes(StandardCharsets.UTF_8));

    assertThat(verifier.verifyAccessToken(token).username()).isEqualTo("alice");
    assertRejected(String.join(".", parts), "Invalid signature");
  }

  @Test
  void rejectsTamperedPayload() throws Exception {
    String[] parts = sign(accessToken().build()).split("\\.");
    String forged =
        accessToken().claim("realm_access", Map.of("roles", List.of("admin"))).build().toString();
    parts[1] =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.getBytes(StandardCharsets.UTF_8));

    assertRejected(String.join(".", parts), "Invalid signature");
  }

  @Test
  void rejectsSignatureByAnotherKey() throws Exception {
    assertRejected(sign(accessToken().build(), otherKey), "Invalid signature");
  }

  @Test
  void rejectsUnsecuredToken() {
    assertRejected(new PlainJWT(accessToken().build()).serialize(), "Unsecured");
  }

  @Test
  void rejectsHmacToken() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), accessToken().build());
    jwt.sign(
        new MACSigner(
            "a shared secret of at least thirty-two bytes!".getBytes(StandardCharsets.UTF_8)));

    assertRejected(jwt.serialize(), "Another algorithm expected");
  }

  @Test
  void rejectsWrongIssuer() throws Exception {
    assertRejected(
        sign(accessToken().issuer("https://idp.example/realms/other").build()), "iss claim");
  }

  @Test
  void rejectsExpiredToken() throws Exception {
    Instant past = Instant.now().minus(FAR);
    assertRejected(
        sign(
            accessToken()
                .issueTime(Date.from(past.minus(FAR)))
                .expirationTime(Date.from(past))
                .build()),
        "Expired");
  }

  @Test
  void rejectsTokenNotYetValid() throws Exception {
    assertRejected(
        sign(accessToken().notBeforeTime(Date.from(Instant.now().plus(FAR))).build()),
        "before use time");
  }

  @Test
  void rejectsWrongAudience() throws Exception {
    assertRejected(sign(accessToken().audience("account").build()), "aud claim");
  }

  @Test
  void rejectsTokenWithoutAudience() throws Exception {
    assertRejected(sign(accessToken().audience((String) null).build()), "aud claim");
  }

  @Test
  void rejectsIdTokenAsBearer() throws Exception {
    assertRejected(sign(accessToken().claim("typ", "ID").build()), "typ claim");
  }

  @Test
  void rejectsRefreshTokenAsBearer() throws Exception {
    assertRejected(sign(accessToken().claim("typ", "Refresh").build()), "typ claim");
  }

  @Test
  void rejectsTokenWithoutSubject() throws Exception {
    assertRejected(sign(accessToken().subject(null).build()), "[sub]");
  }

  @Test
  void rejectsGarbage() {
    assertRejected("not-a.jwt at all", "not a JWT");
    assertRejected("", "not a JWT");
  }

  @Test
  void acceptsIdTokenWithOurNonce() throws Exception {
    JWTClaimsSet claims = verifier.verifyIdToken(sign(idToken(NONCE)), NONCE);

    assertThat(claims.getStringClaim("preferred_username")).isEqualTo("alice");
  }

  @Test
  void rejectsIdTokenWithAnotherNonce() throws Exception {
    String token = sign(idToken("someone-elses-nonce"));

    assertThatThrownBy(() -> verifier.verifyIdToken(token, NONCE))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("nonce claim");
  }

  @Test
  void rejectsAccessTokenAsIdToken() throws Exception {
    String token =
        sign(accessToken().audience(CLIENT_ID).claim("nonce", NONCE).build()); // typ Bearer

    assertThatThrownBy(() -> verifier.verifyIdToken(token, NONCE))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("typ claim");
  }

  @Test
  void unreachableKeysAreTheProvidersFaultNotTheCallers() throws Exception {
    JWKSource<SecurityContext> down =
        (selector, context) -> {
          throw new KeySourceException("connect timed out");
        };
    TokenVerifier cutOff = new TokenVerifier(ISSUER, AUDIENCE, CLIENT_ID, down);
    String token = sign(accessToken().build());

    assertThatThrownBy(() -> cutOff.verifyAccessToken(token))
        .isInstanceOf(IdentityProviderUnavailableException.class);
  }

  @Test
  void fetchedKeysKeepVerifyingThroughAProviderOutageButNoKeysMeansNoEntry() throws Exception {
    HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] jwks = new JWKSet(realmKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    provider.createContext(
        "/certs",
        exchange -> {
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    provider.start();
    URL url = URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/certs").toURL();
    // The platform's own lifetime builds too (Nimbus checks its settings against it).
    assertThat(TokenVerifier.remoteKeys(url, JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE))
        .isNotNull();
    TokenVerifier online =
        new TokenVerifier(ISSUER, AUDIENCE, CLIENT_ID, TokenVerifier.remoteKeys(url, 1_000));
    String first = sign(accessToken().build());
    assertThat(online.verifyAccessToken(first).username()).isEqualTo("alice");

    provider.stop(0);
    Thread.sleep(1_500); // past the cache's lifetime: only outage tolerance still holds the keys
    String second = sign(accessToken().subject("f2").build());

    assertThat(online.verifyAccessToken(second).username()).isEqualTo("alice");
    TokenVerifier neverReached =
        new TokenVerifier(ISSUER, AUDIENCE, CLIENT_ID, TokenVerifier.remoteKeys(url, 1_000));
    assertThatThrownBy(() -> neverReached.verifyAccessToken(second))
        .isInstanceOf(IdentityProviderUnavailableException.class);
  }

  /** Refused as an invalid token, and for the expected reason rather than some other one. */
  private static void assertRejected(String token, String reason) {
    assertThatThrownBy(() -> verifier.verifyAccessToken(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining(reason);
  }

  /** The claims Keycloak puts into an access token for the {@code mlp-api} audience. */
  private static JWTClaimsSet.Builder accessToken() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("f3c1a2b4-subject")
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(FAR)))
        .claim("typ", "Bearer")
        .claim("azp", CLIENT_ID)
        .claim("preferred_username", "alice")
        .claim("name", "Alice Liddell")
        .claim(
            "realm_access",
            Map.of(
                "roles",
                List.of("data-scientist", "reviewer", "offline_access", "uma_authorization")));
  }

  private static JWTClaimsSet idToken(String nonce) {
    return accessToken().audience(CLIENT_ID).claim("typ", "ID").claim("nonce", nonce).build();
  }

  private static String sign(JWTClaimsSet claims) throws JOSEException {
    return sign(claims, realmKey);
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
