package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The bootstrap page's scripts carry a fresh nonce and its policy runs only those. */
class StrictScriptPolicyTest {

  private static final String BOOTSTRAP =
      """
      <html><head>
      <script type="module" src="./VAADIN/build/indexhtml-abc.js"></script>
      <script>window.Vaadin = window.Vaadin || {};</script>
      </head><body><script>window.Vaadin.initial = {};</script></body></html>
      """;

  private final Map<String, String> headers = new HashMap<>();

  private Document bootstrap() {
    Document document = Jsoup.parse(BOOTSTRAP);
    VaadinResponse response =
        FakeExchange.fake(
            VaadinResponse.class,
            (method, args) -> {
              if (method.equals("setHeader")) {
                return headers.put((String) args[0], (String) args[1]);
              }
              throw new UnsupportedOperationException(method);
            });
    VaadinRequest request =
        FakeExchange.fake(
            VaadinRequest.class,
            (method, args) -> {
              throw new UnsupportedOperationException(method);
            });
    new StrictScriptPolicy()
        .modifyIndexHtmlResponse(new IndexHtmlResponse(request, response, document));
    return document;
  }

  @Test
  void everyScriptCarriesTheNonceThePolicyNames() {
    Document page = bootstrap();

    String policy = headers.get("Content-Security-Policy");
    String nonce = page.getElementsByTag("script").first().attr("nonce");
    assertThat(nonce).matches("[A-Za-z0-9+/]{22}==");
    assertThat(page.getElementsByTag("script"))
        .hasSize(3)
        .allSatisfy((Element script) -> assertThat(script.attr("nonce")).isEqualTo(nonce));
    assertThat(policy)
        .contains("script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'")
        .contains("frame-ancestors 'none'")
        .contains("style-src 'self' 'unsafe-inline'");
    assertThat(policy.substring(policy.indexOf("script-src"), policy.indexOf("style-src")))
        .as("inline scripts without the nonce do not run")
        .doesNotContain("'unsafe-inline'");
  }

  @Test
  void everyPageGetsItsOwnNonce() {
    String first = bootstrap().getElementsByTag("script").first().attr("nonce");
    String second = bootstrap().getElementsByTag("script").first().attr("nonce");

    assertThat(first).isNotEqualTo(second);
  }
}
