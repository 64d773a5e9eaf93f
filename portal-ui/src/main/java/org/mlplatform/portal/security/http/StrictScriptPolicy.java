package org.mlplatform.portal.security.http;

import com.vaadin.flow.server.communication.IndexHtmlRequestListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Tightens the policy of Vaadin's bootstrap page, the one document all portal scripts run in: a
 * fresh nonce on each of its script tags (Vaadin's own inline bootstrap scripts included) and a
 * policy that runs only those inline scripts. An injected {@code <script>} or inline event handler
 * then does not run. Vaadin Flow's client reads the nonce and puts it on scripts it adds itself.
 */
final class StrictScriptPolicy implements IndexHtmlRequestListener {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void modifyIndexHtmlResponse(IndexHtmlResponse response) {
    String nonce = newNonce();
    response
        .getVaadinResponse()
        .setHeader(SecurityHeaders.CSP, ContentSecurityPolicy.portalWithNonce(nonce));
    response.getDocument().getElementsByTag("script").attr("nonce", nonce);
  }

  /** 128 random bits, base64 as CSP asks. */
  static String newNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
