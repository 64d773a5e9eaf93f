package org.mlplatform.portal.security.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.Set;

/**
 * The filter as the tests set it up: the embedded host default plus {@code mlp.example.com}, one
 * allowed CORS origin, a 1,000-byte body limit and a nesting limit of 8.
 */
final class FilterFixture {

  static final long LIMIT = 1_000;
  static final int DEPTH = 8;
  static final String ALLOWED_ORIGIN = "https://app.example.com";

  private static final HttpHardeningFilter FILTER =
      new HttpHardeningFilter(
          new HttpHardeningSettings(
              HostAllowList.of(null, "mlp.example.com", Set.of()),
              CorsOrigins.parse(ALLOWED_ORIGIN),
              LIMIT,
              DEPTH,
              false));

  private FilterFixture() {}

  /** A downstream that records whether it ran, and with which request. */
  static final class Downstream implements FilterChain {
    ServletRequest request;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) {
      this.request = request;
    }

    boolean ran() {
      return request != null;
    }
  }

  static Downstream run(FakeExchange exchange) throws Exception {
    Downstream downstream = new Downstream();
    run(exchange, downstream);
    return downstream;
  }

  static void run(FakeExchange exchange, FilterChain downstream) throws Exception {
    FILTER.doFilter(exchange.request(), exchange.response(), downstream);
  }
}
