package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureServiceDefinition;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.features.DefinitionJson.FeatureServiceJson;
import org.mlplatform.portal.features.FeatureServices;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * {@code /api/v1/feature-services}: named, versioned feature lists. {@code PUT} with a changed list
 * answers with a new version; a descriptive change keeps the version.
 */
@Path("feature-services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeatureServicesResource {

  @Inject private FeatureServices services;
  @Context private HttpServletRequest request;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<FeatureServiceJson> list() {
    return services.latest().stream().map(this::json).toList();
  }

  @GET
  @Path("{name}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public FeatureServiceJson get(@PathParam("name") String name) {
    return json(services.latest(ResourceName.of("name", name)));
  }

  @GET
  @Path("{name}/versions/{version}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public FeatureServiceJson version(
      @PathParam("name") String name, @PathParam("version") int version) {
    return json(services.version(ResourceName.of("name", name), version));
  }

  @POST
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response create(FeatureServiceJson body) {
    PlatformUser caller = caller();
    FeatureServiceDefinition created =
        services.create(
            RequestBodies.required(body).toDefinition(caller.username()), caller, request);
    return Response.created(URI.create("feature-services/" + created.name()))
        .entity(json(created))
        .build();
  }

  @PUT
  @Path("{name}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public FeatureServiceJson update(@PathParam("name") String name, FeatureServiceJson body) {
    FeatureServiceJson json = RequestBodies.required(body);
    if (json.name() != null && !json.name().equals(name)) {
      throw new DomainValidationException(
          "name", "the body names " + json.name() + ", the path " + name);
    }
    PlatformUser caller = caller();
    return json(services.update(json.named(name).toDefinition(caller.username()), caller, request));
  }

  @DELETE
  @Path("{name}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response delete(@PathParam("name") String name) {
    services.delete(ResourceName.of("name", name), caller(), request);
    return Response.noContent().build();
  }

  private FeatureServiceJson json(FeatureServiceDefinition service) {
    return FeatureServiceJson.of(service, services.versions(service.name()));
  }

  private PlatformUser caller() {
    return AuthenticatedRequest.userOf(request).orElseThrow();
  }
}
