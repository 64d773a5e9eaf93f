package org.mlplatform.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.security.AuthenticatedRequest;

/** {@code GET /api/v1/me}: who the platform thinks the caller is. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  /** The caller's identity. */
  public record Me(String username, String displayName, List<String> roles) {}

  @Context private HttpServletRequest request;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Me me() {
    PlatformUser user = AuthenticatedRequest.userOf(request).orElseThrow();
    return new Me(user.username(), user.displayName(), user.roleNames());
  }
}
