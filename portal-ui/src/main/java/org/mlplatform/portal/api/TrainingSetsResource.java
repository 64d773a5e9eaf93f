package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.features.ingest.EntityRowsReader;
import org.mlplatform.domain.features.ingest.TrainingSetCsvReader;
import org.mlplatform.domain.features.training.EntityRows;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.features.training.TrainingSetState;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.features.PersonalFeatures;
import org.mlplatform.portal.features.TrainingSetFiles;
import org.mlplatform.portal.features.TrainingSets;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * {@code /api/v1/training-sets}: point-in-time correct training data. {@code POST} takes entity
 * rows (JSON, or a CSV body with the features in the query) and answers 202 with the snapshot and
 * the job building it; {@code GET /{id}/data} downloads a READY snapshot as CSV or JSON (a snapshot
 * with features of views tagged pii only for roles that may see personal data: 403 for others).
 */
@Path("training-sets")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingSetsResource {

  /** The most entity rows one request may carry. */
  static final int MAX_ENTITY_ROWS = 2_000_000;

  /** The JSON request. */
  public record CreateRequest(
      List<String> features, String featureService, JsonArray entityRows, String description) {}

  /** A snapshot in a list: everything but its columns and statistics. */
  public record Summary(
      String id,
      String description,
      String state,
      String createdBy,
      Instant createdAt,
      List<String> features,
      String featureService,
      Map<String, Integer> viewVersions,
      long rowCount,
      Instant firstEventTime,
      Instant lastEventTime,
      String sha256,
      String jobId,
      String error) {

    static Summary of(TrainingSet t) {
      return new Summary(
          t.id(),
          t.description(),
          t.state().name(),
          t.createdBy(),
          t.createdAt(),
          t.features(),
          t.featureService(),
          t.viewVersions(),
          t.rowCount(),
          t.firstEventTime(),
          t.lastEventTime(),
          t.sha256(),
          t.jobId(),
          t.error());
    }
  }

  @Inject private TrainingSets trainingSets;
  @Inject private TrainingSetFiles files;
  @Inject private PersonalFeatures personal;
  @Context private HttpServletRequest request;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<Summary> list(@QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new DomainValidationException("limit", "limit is 1 to 1000");
    }
    return trainingSets.list(limit).stream().map(Summary::of).toList();
  }

  @GET
  @Path("{id}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public TrainingSet get(@PathParam("id") String id) {
    TrainingSet set = find(id);
    // Statistics of personal features (ranges, frequent values) are reduced to counts for readers
    // who may not see them.
    return new TrainingSet(
        set.id(),
        set.description(),
        set.createdBy(),
        set.createdAt(),
        set.state(),
        set.features(),
        set.featureService(),
        set.viewVersions(),
        set.derivedExpressions(),
        set.columns(),
        set.rowCount(),
        set.firstEventTime(),
        set.lastEventTime(),
        set.sha256(),
        personal.statisticsSeenBy(set, caller()),
        set.jobId(),
        set.error());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response create(CreateRequest body) {
    CreateRequest json = RequestBodies.required(body);
    if (json.entityRows() == null) {
      throw new DomainValidationException("entityRows", "give the entity rows as a JSON array");
    }
    EntityRows rows = new EntityRowsReader(MAX_ENTITY_ROWS).fromMaps(plain(json.entityRows()));
    return accepted(json.features(), json.featureService(), rows, json.description());
  }

  /**
   * Entity rows as a CSV body; features as {@code ?features=a:x,b:y} or {@code ?featureService=}.
   */
  @POST
  @Consumes("text/csv")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response createFromCsv(
      @QueryParam("features") List<String> features,
      @QueryParam("featureService") String featureService,
      @QueryParam("description") String description,
      InputStream body) {
    List<String> names = new ArrayList<>();
    for (String parameter : features) {
      for (String name : parameter.split(",")) {
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
    }
    Reader csv = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    EntityRows rows = new EntityRowsReader(MAX_ENTITY_ROWS).fromCsv(csv);
    return accepted(names, featureService, rows, description);
  }

  /**
   * The snapshot's data: {@code ?format=csv} (default) or {@code ?format=json}. The CSV is
   * spreadsheet-safe unless {@code ?raw=true} asks for the stored file, whose SHA-256 the snapshot
   * records (sent as {@code Digest} then); see {@link CsvDownload}.
   */
  @GET
  @Path("{id}/data")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Response data(
      @PathParam("id") String id,
      @QueryParam("format") @DefaultValue("csv") String format,
      @QueryParam("raw") String rawParameter) {
    boolean raw = CsvDownload.raw(rawParameter);
    TrainingSet set = find(id);
    if (set.state() != TrainingSetState.READY) {
      throw new FeatureRegistry.ConflictException(
          "training set "
              + id
              + " is "
              + set.state()
              + (set.error() == null ? "" : ": " + set.error()));
    }
    Optional<String> refusal = personal.downloadRefusal(set, caller());
    if (refusal.isPresent()) {
      return ErrorBody.response(Response.Status.FORBIDDEN, refusal.get());
    }
    String filename = "training-set-" + set.id();
    return switch (format) {
      case "csv" -> {
        Response.ResponseBuilder csv =
            CsvDownload.response(() -> files.open(set.id()), raw, filename + ".csv");
        // Only the stored bytes have the recorded digest.
        yield raw ? csv.header("Digest", "sha-256=" + set.sha256()).build() : csv.build();
      }
      case "json" ->
          Response.ok((StreamingOutput) out -> writeJson(set, out), MediaType.APPLICATION_JSON)
              .header("Content-Disposition", "attachment; filename=\"" + filename + ".json\"")
              .build();
      default ->
          throw new DomainValidationException("format", "use csv or json, not '" + format + "'");
    };
  }

  /** JSON objects as ordered maps of plain values, so columns keep the order they were sent in. */
  private static List<Map<String, Object>> plain(JsonArray rows) {
    List<Map<String, Object>> maps = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      if (!(rows.get(i) instanceof JsonObject object)) {
        throw new DomainValidationException(
            "entityRows[" + i + "]", "each entity row must be a JSON object");
      }
      Map<String, Object> map = new LinkedHashMap<>();
      object.forEach((name, value) -> map.put(name, plain(value)));
      maps.add(map);
    }
    return maps;
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case NULL -> null;
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case STRING -> ((JsonString) value).getString();
      case OBJECT -> Map.of();
      case ARRAY -> List.of();
    };
  }

  private void writeJson(TrainingSet set, java.io.OutputStream out) throws java.io.IOException {
    List<TrainingColumn> columns = set.columns();
    try (Reader csv =
            new BufferedReader(
                new InputStreamReader(files.open(set.id()), StandardCharsets.UTF_8), 1 << 16);
        JsonGenerator json = JsonValues.generator(out)) {
      TrainingSetCsvReader reader = new TrainingSetCsvReader(csv, columns);
      json.writeStartArray();
      Object[] row;
      while ((row = reader.next()) != null) {
        json.writeStartObject();
        for (int i = 0; i < row.length; i++) {
          JsonValues.write(json, columns.get(i).name(), row[i]);
        }
        json.writeEnd();
      }
      json.writeEnd();
    }
  }

  private Response accepted(
      List<String> names, String featureService, EntityRows rows, String description) {
    if (description != null && description.length() > 4000) {
      throw new DomainValidationException("description", "at most 4000 characters");
    }
    List<FeatureRef> refs = new ArrayList<>();
    List<String> given = names == null ? List.of() : names;
    for (int i = 0; i < given.size(); i++) {
      refs.add(FeatureRef.parse("features[" + i + "]", given.get(i)));
    }
    TrainingSets.Accepted accepted =
        trainingSets.create(
            new TrainingSets.Request(refs, featureService, rows, description), caller(), request);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", accepted.trainingSet().id());
    answer.put("state", accepted.trainingSet().state().name());
    answer.put("jobId", accepted.job().id());
    answer.put("viewVersions", accepted.trainingSet().viewVersions());
    return Response.accepted(answer)
        .location(URI.create("training-sets/" + accepted.trainingSet().id()))
        .build();
  }

  private TrainingSet find(String id) {
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new DomainValidationException("id", "a training set id is a UUID, got '" + id + "'");
    }
    return trainingSets
        .find(id)
        .orElseThrow(() -> new FeatureRegistry.NotFoundException("no training set " + id));
  }

  private PlatformUser caller() {
    return AuthenticatedRequest.userOf(request).orElseThrow();
  }
}
