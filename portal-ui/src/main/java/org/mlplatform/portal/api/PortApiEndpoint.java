package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.security.http.ApiBodyLimits;
import org.mlplatform.portal.security.http.GuardedBody;
import org.mlplatform.portal.security.http.Refusal;
import org.mlplatform.portal.serving.oip.OipExchange;
import org.mlplatform.portal.serving.oip.PortRoutes;

/**
 * The API calls the inference port carries beside {@code /v2}: {@code POST
 * /api/v1/models/{name}/predict} and {@code POST /api/v1/online-features}. The same resources
 * answer them as on the platform's port, with the same role rules (read from their {@link Allow}),
 * body limits and error bodies; every other API path is a 404 here.
 */
@ApplicationScoped
public class PortApiEndpoint implements PortRoutes {

  static final String PREFIX = "/api/v1";
  private static final String ONLINE_FEATURES = "/online-features";
  private static final Pattern PREDICT = Pattern.compile("/models/([^/]+)/predict");

  @Inject private OnlineFeaturesResource onlineFeatures;
  @Inject private PredictResource predictions;

  private final List<String> onlineFeaturesRoles = roles(OnlineFeaturesResource.class, "lookup");
  private final List<String> predictRoles = roles(PredictResource.class, "predict");
  private volatile ApiBodyLimits limits;

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public void handle(OipExchange exchange) throws IOException {
    String path = exchange.path();
    Matcher predict = PREDICT.matcher(path);
    Call call;
    List<String> allowed;
    if (path.equals(ONLINE_FEATURES)) {
      call = (body, ex) -> onlineFeatures.answer(body, ex.user());
      allowed = onlineFeaturesRoles;
    } else if (predict.matches()) {
      String model = predict.group(1);
      call = (body, ex) -> predictions.answer(model, body, ex.requestId());
      allowed = predictRoles;
    } else {
      error(
          exchange,
          404,
          "the inference port carries /v2, POST "
              + PREFIX
              + ONLINE_FEATURES
              + " and POST "
              + PREFIX
              + "/models/{name}/predict; "
              + PREFIX
              + path
              + " is on the platform's port",
          null);
      return;
    }
    if (!exchange.method().equals("POST")) {
      exchange.responseHeader("Allow", "POST");
      error(exchange, 405, exchange.method() + " is not allowed on " + PREFIX + path, null);
    } else if (!mayCall(exchange.user(), allowed)) {
      error(
          exchange,
          403,
          "forbidden: requires one of the roles " + String.join(", ", allowed),
          null);
    } else if (!isJson(exchange.header("Content-Type"))) {
      error(exchange, 415, "send the body as Content-Type: application/json", null);
    } else {
      answer(exchange, call);
    }
  }

  /** One API call on a guarded body. */
  private interface Call {
    StreamingOutput answer(InputStream body, OipExchange exchange);
  }

  private void answer(OipExchange exchange, Call call) throws IOException {
    ApiBodyLimits bodyLimits = limits();
    if (exchange.contentLength() > bodyLimits.maxBytes()) {
      refuse(exchange, bodyLimits.tooLarge());
      return;
    }
    GuardedBody body = bodyLimits.guard(exchange.body());
    StreamingOutput answer;
    try {
      answer = call.answer(body, exchange);
    } catch (RuntimeException e) {
      // However the parser reported the guard's refusal, the answer is the refusal.
      if (body.refusal().isPresent()) {
        refuse(exchange, body.refusal().get());
        return;
      }
      PortApiErrors.Answer failure = PortApiErrors.of(e, exchange.requestId());
      error(exchange, failure.status(), failure.error(), failure.field());
      return;
    }
    try (OutputStream out = exchange.respond(200)) {
      answer.write(out);
    } catch (RuntimeException e) {
      PortApiErrors.Answer failure = PortApiErrors.of(e, exchange.requestId());
      error(exchange, failure.status(), failure.error(), failure.field());
    }
  }

  private ApiBodyLimits limits() {
    ApiBodyLimits known = limits;
    if (known == null) {
      known = ApiBodyLimits.load(ConfigProvider.getConfig());
      limits = known;
    }
    return known;
  }

  private static boolean mayCall(PlatformUser user, List<String> allowed) {
    return user != null
        && user.roles().stream().anyMatch(role -> allowed.contains(role.externalName()));
  }

  /** JSON, or no type at all (as curl's {@code -d} sends a form type, that one is refused too). */
  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static List<String> roles(Class<?> resource, String method) {
    for (var candidate : resource.getMethods()) {
      if (candidate.getName().equals(method) && candidate.isAnnotationPresent(Allow.class)) {
        return RolesAllowedFeature.allowedRoles(candidate, resource);
      }
    }
    throw new IllegalStateException(resource.getSimpleName() + "#" + method + " has no @Allow");
  }

  /** As the platform port's body guard answers: the body to blame, and the request id. */
  private static void refuse(OipExchange exchange, Refusal refusal) throws IOException {
    write(exchange, refusal.status(), refusal.error(), "body", exchange.requestId());
  }

  /** As the platform port's exception mappers answer. */
  private static void error(OipExchange exchange, int status, String message, String field)
      throws IOException {
    write(exchange, status, message, field, null);
  }

  private static void write(
      OipExchange exchange, int status, String message, String field, String requestId)
      throws IOException {
    try (OutputStream out = exchange.respond(status);
        JsonGenerator json = JsonValues.generator(out)) {
      json.writeStartObject().write("error", message);
      if (field != null) {
        json.write("field", field);
      }
      if (requestId != null) {
        json.write("requestId", requestId);
      }
      json.writeEnd();
    }
  }
}
