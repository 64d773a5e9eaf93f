package org.mlplatform.portal.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Enforces {@link Allow} on every resource method (the method's decision wins over the class's). A
 * method without a decision is denied to everyone: an endpoint nobody decided about must not be
 * open.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo info, FeatureContext context) {
    context.register(
        new RoleFilter(allowedRoles(info.getResourceMethod(), info.getResourceClass())));
  }

  /** The roles a method admits; empty when nobody decided, which denies everyone. */
  static List<String> allowedRoles(Method method, Class<?> resource) {
    Allow allow =
        method.isAnnotationPresent(Allow.class)
            ? method.getAnnotation(Allow.class)
            : resource.getAnnotation(Allow.class);
    return allow == null ? List.of() : List.of(allow.value());
  }

  @Priority(Priorities.AUTHORIZATION)
  private static final class RoleFilter implements ContainerRequestFilter {

    private final List<String> allowed;

    RoleFilter(List<String> allowed) {
      this.allowed = allowed;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (allowed.stream().noneMatch(request.getSecurityContext()::isUserInRole)) {
        String why =
            allowed.isEmpty()
                ? "forbidden: this operation is not open to any role"
                : "forbidden: requires one of the roles " + String.join(", ", allowed);
        request.abortWith(ErrorBody.response(Response.Status.FORBIDDEN, why));
      }
    }
  }
}
