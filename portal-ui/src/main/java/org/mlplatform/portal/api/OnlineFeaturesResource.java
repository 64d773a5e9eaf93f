package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.online.OnlineLookup.FeatureColumn;
import org.mlplatform.domain.features.online.OnlineStatus;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.features.OnlineFeatures;
import org.mlplatform.portal.features.ServingDefinitions;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * {@code POST /api/v1/online-features} in Feast's HTTP shape: the join-key columns first, then one
 * column per requested feature, each with values, statuses and event timestamps.
 *
 * <p>Features of views tagged pii are answered with null values for callers (people or application
 * tokens) without a role that may see personal data, and {@code "masked"} lists them.
 */
@Path("online-features")
@ApplicationScoped // one instance: per-request instances cost an injection pass (reflection) each
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

  private static final String EPOCH = Instant.EPOCH.toString();
  private static final String PRESENT = OnlineStatus.PRESENT.name();

  @Inject private OnlineFeatures online;
  @Inject private ServingDefinitions definitions;

  @POST
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  @NotAudited("a lookup reads features")
  public StreamingOutput lookup(InputStream body, @Context HttpServletRequest http) {
    return answer(body, AuthenticatedRequest.userOf(http).orElse(null));
  }

  /** The lookup for {@code caller}, whichever port carried it. */
  public StreamingOutput answer(InputStream body, PlatformUser caller) {
    Request request = OnlineFeaturesRequestReader.read(body);
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
    List<String> columnNames = columnNames(answer, full);
    OnlineFeatures.Answer shown = answer.asSeenBy(caller);
    List<String> masked =
        answer.maskedFor(caller).stream()
            .map(ref -> full ? ref.columnName() : ref.feature().value())
            .toList();
    return out -> write(shown, columnNames, masked, out);
  }

  private static List<String> columnNames(OnlineFeatures.Answer answer, boolean full) {
    List<String> columnNames = new ArrayList<>(answer.joinKeyNames());
    Set<String> seen = new HashSet<>(columnNames);
    for (FeatureColumn column : answer.features()) {
      String name = full ? column.feature().columnName() : column.feature().feature().value();
      if (!seen.add(name)) {
        throw new DomainValidationException(
            "features",
            "two columns would be named " + name + "; ask with \"full_feature_names\": true");
      }
      columnNames.add(name);
    }
    return columnNames;
  }

  /**
   * Streams the answer: this is the platform's hottest read, and building it as records for JSON-B
   * allocated several times the answer's size per request.
   */
  private static void write(
      OnlineFeatures.Answer answer,
      List<String> columnNames,
      List<String> masked,
      OutputStream out) {
    try (JsonGenerator json = JsonValues.generator(out)) {
      json.writeStartObject();
      json.writeStartObject("metadata");
      json.writeStartArray("feature_names");
      columnNames.forEach(json::write);
      json.writeEnd();
      json.writeEnd();
      json.writeStartArray("results");
      for (List<Object> keyValues : answer.joinKeyValues()) {
        writeColumn(json, keyValues, i -> PRESENT, i -> EPOCH);
      }
      for (FeatureColumn column : answer.features()) {
        writeColumn(
            json,
            column.values(),
            i -> column.statuses().get(i).name(),
            i -> {
              Instant time = column.eventTimestamps().get(i);
              return time == null ? null : time.toString();
            });
      }
      json.writeEnd();
      if (!masked.isEmpty()) {
        json.writeStartArray("masked");
        masked.forEach(json::write);
        json.writeEnd();
      }
      json.writeEnd();
    }
  }

  private static void writeColumn(
      JsonGenerator json,
      List<Object> values,
      IntFunction<String> status,
      IntFunction<String> eventTimestamp) {
    json.writeStartObject();
    json.writeStartArray("values");
    values.forEach(v -> JsonValues.write(json, v));
    json.writeEnd();
    json.writeStartArray("statuses");
    for (int i = 0; i < values.size(); i++) {
      json.write(status.apply(i));
    }
    json.writeEnd();
    json.writeStartArray("event_timestamps");
    for (int i = 0; i < values.size(); i++) {
      String time = eventTimestamp.apply(i);
      if (time == null) {
        json.writeNull();
      } else {
        json.write(time);
      }
    }
    json.writeEnd();
    json.writeEnd();
  }
}
