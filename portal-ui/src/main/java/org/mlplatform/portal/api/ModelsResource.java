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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.CardText;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.Page;
import org.mlplatform.domain.models.PageRequest;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.api.ModelJson.ModelBody;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.models.ModelArtifacts;
import org.mlplatform.portal.models.ModelPromotions;
import org.mlplatform.portal.models.ModelRetrainings;
import org.mlplatform.portal.models.ModelStore;
import org.mlplatform.portal.models.ModelTraining;
import org.mlplatform.portal.models.ModelUploads;
import org.mlplatform.portal.models.VersionUpload;
import org.mlplatform.portal.security.AuthenticatedRequest;
import org.mlplatform.serving.onnx.InvalidModelException;

/**
 * {@code /api/v1/models}: models, their immutable versions (uploaded as multipart or trained in the
 * platform), artifacts, lineage, model cards, aliases and comparisons.
 */
@Path("models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModelsResource {

  @Inject private ModelStore models;
  @Inject private ModelUploads uploads;
  @Inject private ModelTraining training;
  @Inject private ModelArtifacts artifacts;
  @Inject private ModelPromotions promotions;
  @Inject private ModelRetrainings retrainings;
  @Context private HttpServletRequest request;

  /** The body of an alias move. */
  public record AliasBody(Integer version, String reason) {}

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> list(
      @QueryParam("q") String nameContains,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Page<ModelDefinition> page = models.models(nameContains, new PageRequest(offset, limit));
    return ModelJson.page(
        page.total(),
        page.items().stream().map(m -> ModelJson.model(m, models.aliases(m.name()))).toList());
  }

  @POST
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response create(ModelBody body) {
    ModelBody model = RequestBodies.required(body);
    PlatformUser caller = caller();
    ModelDefinition created =
        models.create(
            ResourceName.of("name", model.name()),
            model.description(),
            Objects.requireNonNullElse(model.owner(), caller.username()),
            tags(model.tags()),
            caller,
            Origin.of(request));
    return Response.created(URI.create("models/" + created.name()))
        .entity(ModelJson.model(created, List.of()))
        .build();
  }

  @GET
  @Path("{name}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> get(@PathParam("name") String name) {
    ResourceName model = name(name);
    return ModelJson.model(models.model(model), models.aliases(model));
  }

  @PUT
  @Path("{name}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Map<String, Object> update(@PathParam("name") String name, ModelBody body) {
    ModelBody model = RequestBodies.required(body);
    if (model.name() != null && !model.name().equals(name)) {
      throw new DomainValidationException(
          "name", "the body names " + model.name() + ", the path " + name);
    }
    ModelDefinition existing = models.model(name(name));
    ModelDefinition updated =
        models.update(
            existing.name(),
            model.description(),
            Objects.requireNonNullElse(model.owner(), existing.owner()),
            tags(model.tags()),
            caller(),
            Origin.of(request));
    return ModelJson.model(updated, models.aliases(updated.name()));
  }

  @DELETE
  @Path("{name}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response delete(@PathParam("name") String name) {
    models.delete(name(name), caller(), Origin.of(request));
    return Response.noContent().build();
  }

  /**
   * Registers a version from a multipart upload: {@code file} (the ONNX model) and, optionally,
   * {@code metadata} (JSON: description, metrics, hyperparameters, trainingSetId, featureService,
   * features, input, labels, parentVersion, algorithm).
   */
  @POST
  @Path("{name}/versions")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response upload(@PathParam("name") String name, List<EntityPart> parts)
      throws IOException, InvalidModelException {
    ResourceName model = name(name);
    EntityPart file = VersionUploadParts.part(parts, "file");
    if (file == null) {
      throw new DomainValidationException("file", "add the ONNX model as the multipart part file");
    }
    VersionUpload metadata = VersionUploadParts.metadata(parts);
    ModelVersion version;
    try (InputStream content = file.getContent()) {
      version = uploads.upload(model, content, metadata, caller(), Origin.of(request));
    }
    return Response.created(URI.create("models/" + name + "/versions/" + version.number()))
        .entity(ModelJson.version(version))
        .build();
  }

  @GET
  @Path("{name}/versions")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> versions(
      @PathParam("name") String name,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Page<ModelVersion> page = models.versions(name(name), new PageRequest(offset, limit));
    return ModelJson.page(page.total(), page.items().stream().map(ModelJson::version).toList());
  }

  @GET
  @Path("{name}/versions/{version}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> version(
      @PathParam("name") String name, @PathParam("version") int version) {
    return ModelJson.version(models.version(id(name, version)));
  }

  /** The ONNX file, decrypted and checked against its hash on the way out. */
  @GET
  @Path("{name}/versions/{version}/artifact")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Response artifact(@PathParam("name") String name, @PathParam("version") int version)
      throws IOException {
    ModelVersion found = models.version(id(name, version));
    byte[] content = artifacts.store().read(found.artifact().sha256());
    return Response.ok(content, MediaType.APPLICATION_OCTET_STREAM_TYPE)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + found.model() + "-" + found.number() + ".onnx\"")
        .header("X-Content-SHA256", found.artifact().sha256())
        .build();
  }

  /** The version, then the version it was retrained from, and so on. */
  @GET
  @Path("{name}/versions/{version}/lineage")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> lineage(
      @PathParam("name") String name, @PathParam("version") int version) {
    List<ModelVersion> chain = models.lineage(id(name, version));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(
        "versions",
        chain.stream()
            .map(
                v -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("version", v.number());
                  entry.put("metrics", v.metrics());
                  entry.put("hyperparameters", v.hyperparameters());
                  entry.put("lineage", ModelJson.lineage(v.lineage()));
                  return entry;
                })
            .toList());
    return json;
  }

  @GET
  @Path("{name}/versions/{version}/card")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> card(
      @PathParam("name") String name, @PathParam("version") int version) {
    return ModelJson.card(models.card(id(name, version)));
  }

  @PUT
  @Path("{name}/versions/{version}/card")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Map<String, Object> updateCard(
      @PathParam("name") String name, @PathParam("version") int version, CardText body) {
    return ModelJson.card(
        models.updateCard(
            id(name, version), RequestBodies.required(body), caller(), Origin.of(request)));
  }

  /** The model card with the version's metrics and lineage, as one Markdown document. */
  @GET
  @Path("{name}/versions/{version}/card.md")
  @Produces("text/markdown; charset=UTF-8")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public String cardMarkdown(@PathParam("name") String name, @PathParam("version") int version) {
    return models.cardMarkdown(id(name, version));
  }

  @GET
  @Path("{name}/aliases")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Integer> aliases(@PathParam("name") String name) {
    return ModelJson.aliases(models.aliases(name(name)));
  }

  /** Points an alias at a version; {@code champion} only moves through a promotion (403). */
  @PUT
  @Path("{name}/aliases/{alias}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Map<String, Integer> setAlias(
      @PathParam("name") String name, @PathParam("alias") String alias, AliasBody body) {
    AliasBody move = RequestBodies.required(body);
    if (move.version() == null) {
      throw new DomainValidationException("version", "name the version the alias points at");
    }
    ResourceName model = name(name);
    models.setAlias(
        model,
        AliasName.of("alias", alias),
        move.version(),
        move.reason(),
        caller(),
        Origin.of(request));
    return ModelJson.aliases(models.aliases(model));
  }

  @DELETE
  @Path("{name}/aliases/{alias}")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response removeAlias(
      @PathParam("name") String name,
      @PathParam("alias") String alias,
      @QueryParam("reason") String reason) {
    models.removeAlias(
        name(name), AliasName.of("alias", alias), reason, caller(), Origin.of(request));
    return Response.noContent().build();
  }

  @GET
  @Path("{name}/alias-history")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<Map<String, Object>> aliasHistory(@PathParam("name") String name) {
    return models.aliasHistory(name(name)).stream().map(ModelJson::aliasMove).toList();
  }

  /** Two versions side by side: metric deltas, signature and lineage differences. */
  @GET
  @Path("{name}/compare")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Object> compare(
      @PathParam("name") String name,
      @QueryParam("base") Integer base,
      @QueryParam("candidate") Integer candidate) {
    if (base == null || candidate == null) {
      throw new DomainValidationException("base", "give ?base=<version>&candidate=<version>");
    }
    return ComparisonJson.of(models.compare(id(name, base), id(name, candidate)));
  }

  /** The body of a promotion request. */
  public record PromotionBody(String alias, Integer canaryPercent, String overrideJustification) {}

  /** A retraining asked for by hand. */
  public record RetrainingBody(String reason, Map<String, String> hyperparameters) {}

  /** An emergency rollback: the earlier version and why. */
  public record RollbackBody(Integer version, String reason) {}

  /**
   * Asks for a version to be promoted ({@code champion} by default): a review task for the reviewer
   * group; the alias moves when another person approves it.
   */
  @POST
  @Path("{name}/versions/{version}/promotions")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response promote(
      @PathParam("name") String name, @PathParam("version") int version, PromotionBody body) {
    String alias = body == null || body.alias() == null ? AliasName.CHAMPION.value() : body.alias();
    int canary = body == null || body.canaryPercent() == null ? 0 : body.canaryPercent();
    String justification = body == null ? null : body.overrideJustification();
    String processInstance =
        promotions.request(
            id(name, version),
            new ModelPromotions.Ask(AliasName.of("alias", alias), canary, justification),
            caller(),
            Origin.of(request));
    return Response.status(Response.Status.CREATED)
        .location(java.net.URI.create("processes/" + processInstance))
        .entity(
            Map.of("processInstanceId", processInstance, "alias", alias, "canaryPercent", canary))
        .build();
  }

  /**
   * Retrains the champion's recipe on a fresh training set; the process proposes the new version
   * for promotion when it is better by the model's margin. 201 with the process to follow.
   */
  @POST
  @Path("{name}/retrainings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response retrain(@PathParam("name") String name, RetrainingBody body) {
    String process =
        retrainings.request(
            name(name),
            body == null ? null : body.reason(),
            body == null || body.hyperparameters() == null ? Map.of() : body.hyperparameters(),
            caller(),
            Origin.of(request));
    return Response.status(Response.Status.CREATED)
        .location(java.net.URI.create("processes/" + process))
        .entity(Map.of("processInstanceId", process))
        .build();
  }

  /**
   * An admin points {@code champion} back at an earlier version at once, without review; the reason
   * is mandatory and reviewers are told.
   */
  @POST
  @Path("{name}/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({ApiRoles.ADMIN})
  public Response rollback(@PathParam("name") String name, RollbackBody body) {
    RollbackBody rollback = RequestBodies.required(body);
    if (rollback.version() == null) {
      throw new DomainValidationException("version", "is required");
    }
    String process =
        promotions.rollback(
            id(name, rollback.version()), rollback.reason(), caller(), Origin.of(request));
    return Response.status(Response.Status.CREATED)
        .location(java.net.URI.create("processes/" + process))
        .entity(Map.of("processInstanceId", process, "version", rollback.version()))
        .build();
  }

  /** Trains a new version on a training set as a job: 202 with the job to follow. */
  @POST
  @Path("{name}/train")
  @Allow({ApiRoles.DATA_SCIENTIST, ApiRoles.ADMIN})
  public Response train(@PathParam("name") String name, ModelTraining.Request body) {
    Job job =
        training.start(name(name), RequestBodies.required(body), caller(), Origin.of(request));
    return Response.accepted(Map.of("jobId", job.id())).build();
  }

  private static Set<String> tags(List<String> tags) {
    return tags == null ? Set.of() : new LinkedHashSet<>(tags);
  }

  private static ResourceName name(String name) {
    return ResourceName.of("name", name);
  }

  private static ModelVersionId id(String name, int version) {
    return new ModelVersionId(name(name), version);
  }

  private PlatformUser caller() {
    return AuthenticatedRequest.userOf(request).orElseThrow();
  }
}
