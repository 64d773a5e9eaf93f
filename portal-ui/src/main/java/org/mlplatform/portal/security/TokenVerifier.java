package org.mlplatform.portal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URL;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.config.PlatformSettings;

/**
 * Verifies the provider's JWTs: signature against the realm's JWKS (RS256 only, so {@code none} and
 * HMAC tokens are refused), issuer, expiry and not-before, audience, and the token type Keycloak
 * writes into {@code typ}, so an ID or refresh token cannot pass as an access token.
 */
@ApplicationScoped
public class TokenVerifier {

  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256);

  /** How long fetched keys are used before the provider is asked again (Nimbus's default). */
  private static final long KEY_CACHE_MILLIS = JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE;

  @Inject private OidcProvider provider;
  @Inject private PlatformSettings settings;

  // Read on every call from discovery and settings; fixed by the package-private constructor.
  private final Supplier<String> issuer;
  private final Supplier<String> audience;
  private final Supplier<String> clientId;

  private volatile JWKSource<SecurityContext> keys;

  /** For CDI: issuer and keys come from the provider's discovery, the rest from settings. */
  public TokenVerifier() {
    issuer = () -> provider.endpoints().issuer();
    audience = () -> settings.oidcAudience();
    clientId = () -> settings.oidcClientId();
  }

  /** A verifier with fixed expectations and keys, needing neither discovery nor settings. */
  TokenVerifier(String issuer, String audience, String clientId, JWKSource<SecurityContext> keys) {
    this.issuer = () -> issuer;
    this.audience = () -> audience;
    this.clientId = () -> clientId;
    this.keys = keys;
  }

  /** Verifies a bearer access token and returns the user it speaks for. */
  public PlatformUser verifyAccessToken(String token) throws InvalidTokenException {
    Verified hit = verified.get(token);
    if (hit != null && System.currentTimeMillis() < hit.expiresAtMillis()) {
      return hit.user();
    }
    String expected = audience.get();
    JWTClaimsSet claims =
        process(token, expected.isEmpty() ? null : expected, Map.of("typ", "Bearer"));
    PlatformUser user = toUser(claims);
    if (claims.getExpirationTime() != null) {
      if (verified.size() >= MAX_VERIFIED) {
        verified.clear(); // a crude bound: the tokens are simply verified again
      }
      verified.put(token, new Verified(user, claims.getExpirationTime().getTime()));
    }
    return user;
  }

  /**
   * Access tokens already verified, until they expire: a client sends the same token with every
   * request, and checking its signature was about 15% of an online lookup's CPU. Keyed by the whole
   * token, so nothing but the identical, unexpired token can hit.
   */
  private static final int MAX_VERIFIED = 10_000;

  private record Verified(PlatformUser user, long expiresAtMillis) {}

  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  /** Verifies an ID token from the login's code exchange, including the nonce we sent. */
  public JWTClaimsSet verifyIdToken(String token, String nonce) throws InvalidTokenException {
    return process(token, clientId.get(), Map.of("typ", "ID", "nonce", nonce));
  }

  private JWTClaimsSet process(String token, String audience, Map<String, Object> exact)
      throws InvalidTokenException {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keySource()));
    JWTClaimsSet.Builder required = new JWTClaimsSet.Builder().issuer(issuer.get());
    exact.forEach(required::claim);
    processor.setJWTClaimsSetVerifier(
        // Mutable sets: Nimbus probes them with contains(null), which Set.of() rejects.
        new DefaultJWTClaimsVerifier<>(
            audience == null ? null : new HashSet<>(List.of(audience)),
            required.build(),
            new HashSet<>(List.of("sub", "exp", "iat")),
            new HashSet<>()));
    try {
      return processor.process(token, null);
    } catch (ParseException e) {
      throw new InvalidTokenException("not a JWT");
    } catch (BadJOSEException e) {
      throw new InvalidTokenException(e.getMessage());
    } catch (JOSEException e) {
      if (isKeysUnavailable(e)) {
        throw new IdentityProviderUnavailableException(
            "signing keys unavailable: " + e.getMessage(), e);
      }
      throw new InvalidTokenException(e.getMessage());
    }
  }

  private static boolean isKeysUnavailable(JOSEException e) {
    return e instanceof com.nimbusds.jose.KeySourceException;
  }

  private JWKSource<SecurityContext> keySource() {
    JWKSource<SecurityContext> k = keys;
    if (k == null) {
      synchronized (this) {
        if (keys == null) {
          try {
            keys = remoteKeys(provider.endpoints().jwks().toURL(), KEY_CACHE_MILLIS);
          } catch (MalformedURLException e) {
            throw new IdentityProviderUnavailableException("bad jwks_uri", e);
          }
        }
        k = keys;
      }
    }
    return k;
  }

  /**
   * The provider's keys over HTTP, cached for {@code cacheMillis}. Through a provider outage the
   * cached keys keep verifying (outage tolerance) until their outage lifetime ends; with no keys
   * fetched yet, verification fails as the provider's fault, never as an accepted token.
   */
  static JWKSource<SecurityContext> remoteKeys(URL jwks, long cacheMillis) {
    // Nimbus's defaults, shortened where they must stay under a short lifetime (tests use one).
    long refreshTimeout = Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, cacheMillis / 4);
    long refreshAhead = Math.min(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, cacheMillis / 4);
    return JWKSourceBuilder.create(jwks)
        .cache(cacheMillis, refreshTimeout)
        .refreshAheadCache(refreshAhead, false)
        // At most one fetch per interval protects the provider.
        .rateLimited(Math.min(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL, cacheMillis / 2))
        .retrying(true)
        .outageTolerant(true)
        .build();
  }

  static PlatformUser toUser(JWTClaimsSet claims) {
    String username = stringClaim(claims, "preferred_username");
    if (username == null) {
      username = claims.getSubject();
    }
    return PlatformUser.fromRoleNames(username, stringClaim(claims, "name"), realmRoles(claims));
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      return null;
    }
  }

  private static List<String> realmRoles(JWTClaimsSet claims) {
    Object access = claims.getClaim("realm_access");
    if (access instanceof Map<?, ?> map && map.get("roles") instanceof List<?> roles) {
      return roles.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
