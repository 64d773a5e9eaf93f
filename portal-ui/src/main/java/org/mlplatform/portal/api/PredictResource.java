package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.portal.security.RequestIds;
import org.mlplatform.portal.serving.EntityPredictions;

/**
 * {@code POST /api/v1/models/{name}/predict}: predictions by entity key, the features read from the
 * online store. Open to every role, as predictions are.
 */
@Path("models/{name}/predict")
@Produces(MediaType.APPLICATION_JSON)
public class PredictResource {

  /**
   * {@code {"entities": {"customer_id": [1, 2]}, "features": {"view:feature": [0.5, null]},
   * "version": 3, "routingKey": "customer-1"}}; only {@code entities} is required.
   */
  public record Body(
      Map<String, List<Object>> entities,
      Map<String, List<Object>> features,
      Integer version,
      String routingKey) {}

  @Inject private EntityPredictions predictions;
  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public EntityPredictions.Answer predict(@PathParam("name") String name, Body body) {
    Body given = RequestBodies.required(body);
    if (given.version() != null && given.version() < 1) {
      throw new DomainValidationException("version", "version numbers start at 1");
    }
    return predictions.predict(
        ResourceName.of("model", name),
        new EntityPredictions.Request(
            given.entities(),
            Objects.requireNonNullElse(given.features(), Map.of()),
            given.version() == null ? OptionalInt.empty() : OptionalInt.of(given.version()),
            given.routingKey()),
        RequestIds.of(request));
  }
}
