package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.online.OnlineLookup.FeatureColumn;
import org.mlplatform.domain.features.online.OnlineStatus;
import org.mlplatform.portal.features.OnlineFeatures;
import org.mlplatform.portal.features.ServingDefinitions;

/**
 * {@code POST /api/v1/online-features} in Feast's HTTP shape: the join-key columns first, then one
 * column per requested feature, each with values, statuses and event timestamps.
 */
@Path("online-features")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OnlineFeaturesResource {

  /** The request body. */
  public record Request(
      List<String> features,
      String feature_service,
      Map<String, List<Object>> entities,
      Map<String, List<Object>> request_context,
      Boolean full_feature_names) {}

  /** One column of the answer. */
  public record Column(List<Object> values, List<String> statuses, List<String> event_timestamps) {}

  /** The answer's metadata: column names in order. */
  public record Metadata(List<String> feature_names) {}

  /** The answer. */
  public record Response(Metadata metadata, List<Column> results) {}

  private static final String EPOCH = Instant.EPOCH.toString();

  @Inject private OnlineFeatures online;
  @Inject private ServingDefinitions definitions;

  @POST
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Response lookup(Request body) {
    Request request = RequestBodies.required(body);
    List<String> names = request.features() == null ? List.of() : request.features();
    List<FeatureRef> refs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      refs.add(FeatureRef.parse("features[" + i + "]", names.get(i)));
    }
    OnlineFeatures.Answer answer =
        online.lookup(
            definitions.features(refs, request.feature_service()),
            request.entities(),
            request.request_context());
    boolean full = Boolean.TRUE.equals(request.full_feature_names());
    List<String> columnNames = new ArrayList<>(answer.joinKeyNames());
    List<Column> results = new ArrayList<>();
    for (List<Object> keyValues : answer.joinKeyValues()) {
      results.add(
          new Column(
              keyValues,
              keyValues.stream().map(v -> OnlineStatus.PRESENT.name()).toList(),
              keyValues.stream().map(v -> EPOCH).toList()));
    }
    Set<String> seen = new HashSet<>(columnNames);
    for (FeatureColumn column : answer.features()) {
      String name = full ? column.feature().columnName() : column.feature().feature().value();
      if (!seen.add(name)) {
        throw new DomainValidationException(
            "features",
            "two columns would be named " + name + "; ask with \"full_feature_names\": true");
      }
      columnNames.add(name);
      results.add(
          new Column(
              column.values(),
              column.statuses().stream().map(Enum::name).toList(),
              column.eventTimestamps().stream()
                  .map(t -> t == null ? null : t.toString())
                  .toList()));
    }
    return new Response(new Metadata(columnNames), results);
  }
}
