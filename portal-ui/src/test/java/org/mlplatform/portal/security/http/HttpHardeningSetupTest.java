package org.mlplatform.portal.security.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The filter goes in front of the annotated ones for every request, and the session cookie gets its
 * flags, Payara's own SameSite setter included.
 */
class HttpHardeningSetupTest {

  private static HttpHardeningSettings settings(boolean https) {
    return new HttpHardeningSettings(
        HostAllowList.of(null, "localhost", Set.of()), CorsOrigins.none(), 1_000, 8, https);
  }

  /** The parts of Payara's session cookie configuration that matter here. */
  public static final class PayaraLikeCookieConfig implements SessionCookieConfig {
    final Map<String, String> attributes = new HashMap<>();
    boolean httpOnly;
    boolean secure;
    String payaraSameSite;

    public void setSameSite(String value) {
      payaraSameSite = value;
    }

    @Override
    public void setHttpOnly(boolean httpOnly) {
      this.httpOnly = httpOnly;
    }

    @Override
    public boolean isHttpOnly() {
      return httpOnly;
    }

    @Override
    public void setSecure(boolean secure) {
      this.secure = secure;
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public void setAttribute(String name, String value) {
      attributes.put(name, value);
    }

    @Override
    public String getAttribute(String name) {
      return attributes.get(name);
    }

    @Override
    public Map<String, String> getAttributes() {
      return attributes;
    }

    @Override
    public void setName(String name) {}

    @Override
    public String getName() {
      return "JSESSIONID";
    }

    @Override
    public void setDomain(String domain) {}

    @Override
    public String getDomain() {
      return null;
    }

    @Override
    public void setPath(String path) {}

    @Override
    public String getPath() {
      return null;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void setComment(String comment) {}

    @Override
    @SuppressWarnings("deprecation")
    public String getComment() {
      return null;
    }

    @Override
    public void setMaxAge(int maxAge) {}

    @Override
    public int getMaxAge() {
      return -1;
    }
  }

  private record Registered(
      Map<String, Filter> filters,
      List<List<Object>> mappings,
      List<Boolean> asyncSupported,
      PayaraLikeCookieConfig cookie) {}

  private static Registered register(boolean https) {
    Map<String, Filter> filters = new HashMap<>();
    List<List<Object>> mappings = new ArrayList<>();
    List<Boolean> async = new ArrayList<>();
    PayaraLikeCookieConfig cookie = new PayaraLikeCookieConfig();
    FilterRegistration.Dynamic registration =
        FakeExchange.fake(
            FilterRegistration.Dynamic.class,
            (method, args) ->
                switch (method) {
                  case "addMappingForUrlPatterns" -> mappings.add(List.of(args));
                  case "setAsyncSupported" -> async.add((Boolean) args[0]);
                  default -> throw new UnsupportedOperationException(method);
                });
    ServletContext context =
        FakeExchange.fake(
            ServletContext.class,
            (method, args) ->
                switch (method) {
                  case "addFilter" -> {
                    filters.put((String) args[0], (Filter) args[1]);
                    yield registration;
                  }
                  case "getSessionCookieConfig" -> cookie;
                  default -> throw new UnsupportedOperationException(method);
                });
    HttpHardeningSetup.register(context, settings(https));
    return new Registered(filters, mappings, async, cookie);
  }

  @Test
  void theFilterRunsFirstOnEveryRequest() {
    Registered registered = register(false);

    assertThat(registered.filters().get(HttpHardeningSetup.FILTER_NAME))
        .isInstanceOf(HttpHardeningFilter.class);
    assertThat(registered.mappings()).hasSize(1);
    List<Object> mapping = registered.mappings().getFirst();
    assertThat(mapping.get(0)).isEqualTo(EnumSet.of(DispatcherType.REQUEST));
    assertThat(mapping.get(1)).as("isMatchAfter: before the annotated filters").isEqualTo(false);
    assertThat((String[]) mapping.get(2)).containsExactly("/*");
    assertThat(registered.asyncSupported()).containsExactly(true);
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() {
    PayaraLikeCookieConfig cookie = register(false).cookie();

    assertThat(cookie.httpOnly).isTrue();
    assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
    assertThat(cookie.payaraSameSite).isEqualTo("Lax");
    assertThat(cookie.secure)
        .as("left to the container, which marks it Secure on HTTPS requests")
        .isFalse();
  }

  @Test
  void anHttpsPublicUrlMakesItAlwaysSecure() {
    assertThat(register(true).cookie().secure).isTrue();
  }
}
