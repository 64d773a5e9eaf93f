package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Map;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.portal.security.RequestIds;
import org.mlplatform.portal.serving.EntityPredictions;

/**
 * {@code POST /api/v1/models/{name}/predict}: predictions by entity key, the features read from the
 * online store. Open to every role, as predictions are. Body {@code {"entities": {"customer_id":
 * [1, 2]}, "features": {"view:feature": [0.5, null]}, "version": 3, "routingKey": "customer-1"}};
 * only {@code entities} is required.
 */
@Path("models/{name}/predict")
@ApplicationScoped // one instance: per-request instances cost an injection pass (reflection) each
@Produces(MediaType.APPLICATION_JSON)
public class PredictResource {

  @Inject private EntityPredictions predictions;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  @NotAudited("a prediction changes nothing; the prediction log keeps it")
  public StreamingOutput predict(
      @PathParam("name") String name, InputStream body, @Context HttpServletRequest request) {
    return answer(name, body, RequestIds.of(request));
  }

  /** The predictions, whichever port carried the request. */
  public StreamingOutput answer(String name, InputStream body, String requestId) {
    EntityPredictions.Answer answer =
        predictions.predict(
            ResourceName.of("model", name), PredictRequestReader.read(body), requestId);
    return out -> {
      try (JsonGenerator json = JsonValues.generator(out)) {
        write(json, answer);
      }
    };
  }

  private static void write(JsonGenerator json, EntityPredictions.Answer answer) {
    json.writeStartObject()
        .write("model", answer.model())
        .write("version", answer.version())
        .write("route", answer.route())
        .writeStartArray("predictions");
    for (EntityPredictions.Row row : answer.predictions()) {
      json.writeStartObject().write("predictionId", row.predictionId().toString());
      if (row.label() != null) {
        json.write("label", row.label());
      }
      if (row.probabilities() != null) {
        json.writeStartObject("probabilities");
        for (Map.Entry<String, Double> p : row.probabilities().entrySet()) {
          json.writeKey(p.getKey());
          number(json, p.getValue());
        }
        json.writeEnd();
      }
      json.writeStartArray("values");
      for (double value : row.values()) {
        number(json, value);
      }
      json.writeEnd().writeStartArray("imputed");
      row.imputed().forEach(json::write);
      json.writeEnd().writeEnd();
    }
    json.writeEnd().writeEnd();
  }

  /** Non-finite outputs as the strings the inference API uses for them, so both agree. */
  private static void number(JsonGenerator json, double value) {
    if (Double.isFinite(value)) {
      json.write(value);
    } else {
      json.write(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }
  }
}
