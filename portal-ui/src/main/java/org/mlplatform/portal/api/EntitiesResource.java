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
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.portal.features.DefinitionJson.EntityJson;
import org.mlplatform.portal.features.FeatureStoreService;
import org.mlplatform.portal.security.AuthenticatedRequest;

/** {@code /api/v1/entities}: the things features describe, and their join keys. */
@Path("entities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EntitiesResource {

  @Inject private FeatureStoreService features;
  @Context private HttpServletRequest request;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<EntityJson> list() {
    return features.entities().stream().map(EntityJson::of).toList();
  }

  @GET
  @Path("{name}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public EntityJson get(@PathParam("name") String name) {
    return EntityJson.of(features.entity(ResourceName.of("name", name)));
  }

  @POST
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response create(EntityJson body) {
    EntityJson created =
        EntityJson.of(
            features.createEntity(RequestBodies.required(body).toDefinition(), caller(), request));
    return Response.created(URI.create("entities/" + created.name())).entity(created).build();
  }

  @PUT
  @Path("{name}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public EntityJson update(@PathParam("name") String name, EntityJson body) {
    EntityJson json = RequestBodies.required(body);
    if (json.name() != null && !json.name().equals(name)) {
      throw new DomainValidationException(
          "name", "the body names " + json.name() + ", the path " + name);
    }
    EntityJson named = new EntityJson(name, json.joinKeys(), json.description());
    return EntityJson.of(features.updateEntity(named.toDefinition(), caller(), request));
  }

  @DELETE
  @Path("{name}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response delete(@PathParam("name") String name) {
    features.deleteEntity(ResourceName.of("name", name), caller(), request);
    return Response.noContent().build();
  }

  private org.mlplatform.domain.security.PlatformUser caller() {
    return AuthenticatedRequest.userOf(request).orElseThrow();
  }
}
