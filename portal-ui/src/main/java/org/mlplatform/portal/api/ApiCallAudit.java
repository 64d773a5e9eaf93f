package org.mlplatform.portal.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.ApiCallRecords;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditedCalls;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * Every mutating API call (POST, PUT, PATCH, DELETE) by a known caller leaves one audit record,
 * whether or not its service wrote one: refusals by the role check are recorded as DENIED, calls
 * that failed (and rolled back) as FAILED, and successes the service did not describe itself under
 * {@code api.<resource>.<method>}. Opens before the role check, so a refused call is watched too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiCallAudit implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(ApiCallAudit.class.getName());
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String WATCHED = ApiCallAudit.class.getName() + ".watched";

  @Context private ResourceInfo resource;
  @Context private HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    // @NotAudited calls (predictions: the hot path) are not even watched.
    if (MUTATING.contains(request.getMethod()) && !notAudited(resource.getResourceMethod())) {
      AuditedCalls.begin();
      request.setProperty(WATCHED, Boolean.TRUE);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(WATCHED) == null) {
      return;
    }
    Optional<Outcome> recorded = AuditedCalls.end();
    Method method = resource.getResourceMethod();
    Optional<PlatformUser> caller = AuthenticatedRequest.userOf(servletRequest);
    if (method == null || caller.isEmpty()) {
      return;
    }
    ApiCallRecords.needed(response.getStatus(), recorded)
        .ifPresent(outcome -> record(caller.get(), method, request, response, outcome));
  }

  private void record(
      PlatformUser caller,
      Method method,
      ContainerRequestContext request,
      ContainerResponseContext response,
      Outcome outcome) {
    try {
      // Looked up per call: JAX-RS, not CDI, creates this provider.
      CDI.current()
          .select(ApiCallRecords.class)
          .get()
          .record(
              caller,
              action(resource.getResourceClass(), method),
              "/" + request.getUriInfo().getPath(),
              summary(request.getMethod(), response),
              outcome,
              AuditRecorder.Origin.of(servletRequest));
    } catch (RuntimeException e) {
      // The call's own answer stands; the log says which call is missing from the trail.
      LOG.log(
          Level.SEVERE,
          "could not audit " + request.getMethod() + " /" + request.getUriInfo().getPath(),
          e);
    }
  }

  private static boolean notAudited(Method method) {
    return method != null && method.isAnnotationPresent(NotAudited.class);
  }

  /** {@code FeatureViewsResource#create} is {@code api.feature-views.create}. */
  static String action(Class<?> resourceClass, Method method) {
    String name = resourceClass.getSimpleName().replaceFirst("Resource$", "");
    String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    return "api." + kebab + "." + method.getName();
  }

  private static String summary(String httpMethod, ContainerResponseContext response) {
    String summary = httpMethod + " answered " + response.getStatus();
    if (response.getEntity() instanceof ErrorBody error && error.error() != null) {
      summary += ": " + error.error();
    }
    return summary.length() <= 2_000 ? summary : summary.substring(0, 1_997) + "...";
  }
}
