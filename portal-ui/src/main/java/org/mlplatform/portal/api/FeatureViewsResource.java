package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureViewDefinition;
import org.mlplatform.domain.features.PersonalData;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.security.PiiAccess;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.config.PlatformSettings;
import org.mlplatform.portal.features.DefinitionJson.FeatureViewJson;
import org.mlplatform.portal.features.FeatureIngestion;
import org.mlplatform.portal.features.FeatureMaterialization;
import org.mlplatform.portal.features.FeatureStoreService;
import org.mlplatform.portal.features.FeatureViewInsights;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * {@code /api/v1/feature-views}: typed, versioned groups of features. {@code PUT} applies a changed
 * definition: a schema change answers with a new version, a descriptive change keeps the version.
 */
@Path("feature-views")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeatureViewsResource {

  /** Names the features whose values a sample answer withheld as personal data. */
  static final String MASKED_HEADER = "X-MLP-Masked";

  @Inject private FeatureStoreService features;
  @Inject private FeatureIngestion ingestion;
  @Inject private FeatureMaterialization materialization;
  @Inject private FeatureViewInsights insights;
  @Inject private PlatformSettings settings;
  @Context private HttpServletRequest request;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<FeatureViewJson> list() {
    return features.latestViews().stream().map(this::json).toList();
  }

  @GET
  @Path("{name}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public FeatureViewJson get(@PathParam("name") String name) {
    return json(features.latestView(ResourceName.of("name", name)));
  }

  @GET
  @Path("{name}/versions/{version}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public FeatureViewJson version(
      @PathParam("name") String name, @PathParam("version") int version) {
    return json(features.view(ResourceName.of("name", name), version));
  }

  @POST
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response create(FeatureViewJson body) {
    PlatformUser caller = caller();
    FeatureViewDefinition created =
        features.createView(
            RequestBodies.required(body).toDefinition(caller.username()), caller, request);
    return Response.created(URI.create("feature-views/" + created.name()))
        .entity(json(created))
        .build();
  }

  @PUT
  @Path("{name}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public FeatureViewJson update(@PathParam("name") String name, FeatureViewJson body) {
    FeatureViewJson json = RequestBodies.required(body);
    if (json.name() != null && !json.name().equals(name)) {
      throw new DomainValidationException(
          "name", "the body names " + json.name() + ", the path " + name);
    }
    FeatureViewJson named = json.named(name);
    PlatformUser caller = caller();
    return json(features.updateView(named.toDefinition(caller.username()), caller, request));
  }

  @DELETE
  @Path("{name}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response delete(@PathParam("name") String name) {
    features.deleteView(ResourceName.of("name", name), caller(), request);
    return Response.noContent().build();
  }

  /**
   * Appends rows (a JSON array of objects, or CSV with a header) to the view's newest version. An
   * upload of unknown size or above {@code mlp.ingest.sync-limit-bytes} (or with {@code
   * ?async=true}) is answered 202 with a job to follow; smaller ones 200 with the count.
   */
  @POST
  @Path("{name}/rows")
  @Consumes({MediaType.APPLICATION_JSON, "text/csv"})
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response ingest(
      @PathParam("name") String name,
      @QueryParam("async") @DefaultValue("false") boolean async,
      @Context HttpHeaders headers,
      InputStream body) {
    ResourceName view = ResourceName.of("name", name);
    FeatureIngestion.Format format =
        headers.getMediaType() != null && headers.getMediaType().getSubtype().equals("csv")
            ? FeatureIngestion.Format.CSV
            : FeatureIngestion.Format.JSON;
    long length = headers.getLength();
    if (async || length < 0 || length > settings.ingestSyncLimitBytes()) {
      Job job = ingestion.ingestLater(view, format, body, caller(), request);
      return Response.accepted(Map.of("jobId", job.id(), "state", job.state().name()))
          .location(URI.create("jobs/" + job.id()))
          .build();
    }
    long accepted = ingestion.ingestNow(view, format, body, caller(), request);
    return Response.ok(Map.of("accepted", accepted, "view", name)).build();
  }

  /** The time range of a materialization; everything optional (ISO-8601 bounds). */
  public record MaterializeRequest(String start, String end, Boolean incremental) {}

  /**
   * Loads the latest value per entity into the online store, as a job: {@code [start, end)}, by
   * default everything up to now; {@code "incremental": true} continues from the last run.
   */
  @POST
  @Path("{name}/materialize")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response materialize(@PathParam("name") String name, MaterializeRequest body) {
    MaterializeRequest range = body == null ? new MaterializeRequest(null, null, null) : body;
    Job job =
        materialization.materialize(
            ResourceName.of("name", name),
            instant("start", range.start()),
            instant("end", range.end()),
            Boolean.TRUE.equals(range.incremental()),
            caller(),
            request);
    return Response.accepted(Map.of("jobId", job.id(), "state", job.state().name()))
        .location(URI.create("jobs/" + job.id()))
        .build();
  }

  /** Per-feature statistics of the newest version's stored rows (reading at most maxRows). */
  @GET
  @Path("{name}/statistics")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public FeatureViewInsights.Statistics statistics(
      @PathParam("name") String name,
      @QueryParam("maxRows") @DefaultValue("1000000") long maxRows) {
    if (maxRows < 1 || maxRows > 10_000_000) {
      throw new DomainValidationException("maxRows", "maxRows is 1 to 10,000,000");
    }
    FeatureViewDefinition view = features.latestView(ResourceName.of("name", name));
    FeatureViewInsights.Statistics statistics = insights.statistics(view, maxRows);
    return masksFor(view) ? statistics.masked() : statistics;
  }

  /**
   * Some stored rows of the newest version, as objects keyed by column name. Feature values of a
   * view tagged pii are null for readers who may not see them, and the {@value #MASKED_HEADER}
   * header lists those features (the body is Feast-free but an array, so it has no room for them).
   */
  @GET
  @Path("{name}/sample")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Response sample(
      @PathParam("name") String name, @QueryParam("limit") @DefaultValue("20") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new DomainValidationException("limit", "limit is 1 to 1000");
    }
    FeatureViewDefinition view = features.latestView(ResourceName.of("name", name));
    List<String> keys = features.joinKeyNames(view);
    boolean masked = masksFor(view);
    List<Map<String, Object>> rows =
        insights.sample(view, limit).stream()
            .map(
                row -> {
                  Map<String, Object> json = new java.util.LinkedHashMap<>();
                  for (int i = 0; i < keys.size(); i++) {
                    json.put(keys.get(i), row.key().values().get(i));
                  }
                  json.put(FeatureViewDefinition.EVENT_TIMESTAMP, row.eventTime().toString());
                  for (int i = 0; i < view.features().size(); i++) {
                    Object value = masked ? null : row.values()[i];
                    json.put(
                        view.features().get(i).name().value(),
                        value instanceof java.time.Instant t ? t.toString() : value);
                  }
                  return json;
                })
            .toList();
    Response.ResponseBuilder response = Response.ok(rows);
    if (masked) {
      response.header(
          MASKED_HEADER,
          String.join(",", view.features().stream().map(f -> f.name().value()).toList()));
    }
    return response.build();
  }

  /** Whether the caller sees this view's values masked: it holds personal data they may not see. */
  private boolean masksFor(FeatureViewDefinition view) {
    return PersonalData.isPersonal(view) && !PiiAccess.maySee(caller());
  }

  /** When rows last arrived in the newest version and when it was last materialized. */
  @GET
  @Path("{name}/freshness")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> freshness(@PathParam("name") String name) {
    FeatureViewDefinition view = features.latestView(ResourceName.of("name", name));
    FeatureViewInsights.Freshness freshness = insights.freshness(view);
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("view", view.name().value());
    json.put("version", view.version());
    json.put(
        "lastIngestAt", freshness.lastIngest().map(e -> e.occurredAt().toString()).orElse(null));
    json.put("lastIngestBy", freshness.lastIngest().map(e -> e.actor()).orElse(null));
    json.put(
        "lastMaterializedAt",
        freshness.lastMaterialization().map(r -> r.finishedAt().toString()).orElse(null));
    json.put(
        "materializedUntil",
        freshness.lastMaterialization().map(r -> r.materializedUntil().toString()).orElse(null));
    return json;
  }

  private static java.time.Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text.strip()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new DomainValidationException(
          field, "expected an ISO-8601 time with offset, got '" + text + "'");
    }
  }

  private FeatureViewJson json(FeatureViewDefinition view) {
    return FeatureViewJson.of(view, features.versions(view.name()), features.joinKeyNames(view));
  }

  private PlatformUser caller() {
    return AuthenticatedRequest.userOf(request).orElseThrow();
  }
}
