package org.mlplatform.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Protects the login's PKCE and replay defences: the S256 challenge is computed as RFC 7636 says,
 * and every login gets its own unguessable state, nonce and verifier.
 */
class PendingLoginTest {

  @Test
  void codeChallengeMatchesRfc7636AppendixB() {
    PendingLogin login =
        new PendingLogin("state", "nonce", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "/");

    assertThat(login.codeChallenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void startGivesFreshSecretsEveryTime() {
    Set<String> seen = new HashSet<>();
    IntStream.range(0, 50)
        .mapToObj(i -> PendingLogin.start("/models"))
        .forEach(
            login -> {
              assertThat(login.returnTo()).isEqualTo("/models");
              assertThat(seen.add(login.state())).isTrue();
              assertThat(seen.add(login.nonce())).isTrue();
              assertThat(seen.add(login.codeVerifier())).isTrue();
            });
  }

  @Test
  void verifierIsValidForPkce() {
    // RFC 7636 section 4.1: 43 to 128 characters from the unreserved set.
    assertThat(PendingLogin.start("/").codeVerifier()).matches("[A-Za-z0-9._~-]{43,128}");
  }

  @Test
  void stateAndNonceAreUrlSafe() {
    PendingLogin login = PendingLogin.start("/");

    assertThat(login.state()).matches("[A-Za-z0-9_-]{32}");
    assertThat(login.nonce()).matches("[A-Za-z0-9_-]{32}");
  }
}
