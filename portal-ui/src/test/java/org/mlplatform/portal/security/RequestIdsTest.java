package org.mlplatform.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protects request correlation and the response headers: a sane caller {@code X-Request-Id} is
 * carried through, anything else (too long, spaces, CR/LF for header injection) is replaced by a
 * fresh UUID, and a request keeps one id however often it is asked.
 */
class RequestIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"abc-123", "a.b_c-D", "7f9c1e2a-5b3d-4c8e-9f0a-1b2c3d4e5f60"})
  void keepsSaneCallerId(String offered) {
    Exchange exchange = new Exchange(offered);

    String id = RequestIds.assign(exchange.request(), exchange.response());

    assertThat(id).isEqualTo(offered);
    assertThat(exchange.responseHeaders).containsEntry(RequestIds.HEADER, offered);
    assertThat(RequestIds.of(exchange.request())).isEqualTo(offered);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "has space",
        "evil\r\nSet-Cookie: session=stolen",
        "line\nbreak",
        "01234567890123456789012345678901234567890123456789012345678901234", // 65 characters
        "<script>",
        "ümlaut"
      })
  void replacesInsaneCallerIdWithUuid(String offered) {
    Exchange exchange = new Exchange(offered);

    String id = RequestIds.assign(exchange.request(), exchange.response());

    assertThat(id).isNotEqualTo(offered);
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(exchange.responseHeaders).containsEntry(RequestIds.HEADER, id);
  }

  @Test
  void assignsUuidWithoutCallerId() {
    Exchange exchange = new Exchange(null);

    String id = RequestIds.assign(exchange.request(), exchange.response());

    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
  }

  @Test
  void keepsLongestSaneId() {
    String offered = "x".repeat(64);
    Exchange exchange = new Exchange(offered);

    assertThat(RequestIds.assign(exchange.request(), exchange.response())).isEqualTo(offered);
  }

  @Test
  void assignsOncePerRequest() {
    Exchange exchange = new Exchange(null);

    String first = RequestIds.assign(exchange.request(), exchange.response());
    String second = RequestIds.assign(exchange.request(), exchange.response());

    assertThat(second).isEqualTo(first);
    assertThat(exchange.headerWrites).isEqualTo(1);
  }

  @Test
  void ofIsNullOutsideFilteredRequest() {
    assertThat(RequestIds.of(new Exchange(null).request())).isNull();
  }

  /**
   * A request with one optional {@code X-Request-Id} header and attributes, and a response that
   * records its headers; any other servlet method fails the test.
   */
  private static final class Exchange {

    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, String> responseHeaders = new HashMap<>();
    private int headerWrites;
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    Exchange(String offeredId) {
      this.request =
          fake(
              HttpServletRequest.class,
              (method, args) ->
                  switch (method) {
                    case "getHeader" ->
                        RequestIds.HEADER.equalsIgnoreCase((String) args[0]) ? offeredId : null;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method);
                  });
      this.response =
          fake(
              HttpServletResponse.class,
              (method, args) ->
                  switch (method) {
                    case "setHeader" -> {
                      headerWrites++;
                      yield responseHeaders.put((String) args[0], (String) args[1]);
                    }
                    default -> throw new UnsupportedOperationException(method);
                  });
    }

    HttpServletRequest request() {
      return request;
    }

    HttpServletResponse response() {
      return response;
    }

    private interface Handler {
      Object handle(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Handler handler) {
      return type.cast(
          Proxy.newProxyInstance(
              RequestIdsTest.class.getClassLoader(),
              new Class<?>[] {type},
              (proxy, method, args) -> handler.handle(method.getName(), args)));
    }
  }
}
