package org.mlplatform.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.domain.models.Alias;
import org.mlplatform.domain.models.AliasMove;
import org.mlplatform.domain.models.Dimension;
import org.mlplatform.domain.models.ModelCard;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelLineage;
import org.mlplatform.domain.models.ModelSignature;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.TensorSpec;

/** The JSON shapes of models, versions, signatures and aliases (plain maps, keys in order). */
final class ModelJson {

  private ModelJson() {}

  /** A model: the body of {@code POST /models} and what the list and detail answer. */
  public record ModelBody(String name, String description, String owner, List<String> tags) {}

  static Map<String, Object> model(ModelDefinition model, List<Alias> aliases) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", model.name().value());
    json.put("description", model.description());
    json.put("owner", model.owner());
    json.put("tags", model.tags().stream().sorted().toList());
    json.put("createdAt", model.createdAt().toString());
    json.put("updatedAt", model.updatedAt().toString());
    if (aliases != null) {
      json.put("aliases", aliases(aliases));
    }
    return json;
  }

  static Map<String, Integer> aliases(List<Alias> aliases) {
    Map<String, Integer> json = new LinkedHashMap<>();
    aliases.forEach(a -> json.put(a.name().value(), a.version()));
    return json;
  }

  static Map<String, Object> version(ModelVersion version) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", version.model().value());
    json.put("version", version.number());
    json.put("sha256", version.artifact().sha256());
    json.put("sizeBytes", version.artifact().size());
    json.put("format", version.format());
    json.put("description", version.description());
    json.put("signature", signature(version.signature()));
    json.put("metrics", version.metrics());
    json.put("hyperparameters", version.hyperparameters());
    json.put("lineage", lineage(version.lineage()));
    json.put("registeredBy", version.registeredBy());
    json.put("registeredAt", version.registeredAt().toString());
    return json;
  }

  static Map<String, Object> signature(ModelSignature signature) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("inputs", signature.inputs().stream().map(ModelJson::tensor).toList());
    json.put("outputs", signature.outputs().stream().map(ModelJson::tensor).toList());
    json.put("opset", signature.opset());
    json.put("producer", signature.producerName());
    json.put("producerVersion", signature.producerVersion());
    return json;
  }

  private static Map<String, Object> tensor(TensorSpec tensor) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", tensor.name());
    json.put("kind", tensor.kind().name());
    json.put("datatype", tensor.elementType() == null ? null : tensor.elementType().name());
    json.put("shape", tensor.sizes());
    json.put("dimensionNames", tensor.shape().stream().map(Dimension::symbol).toList());
    if (!tensor.detail().isEmpty()) {
      json.put("detail", tensor.detail());
    }
    return json;
  }

  static Map<String, Object> lineage(ModelLineage lineage) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", lineage.source().name());
    json.put("trainingSetId", lineage.trainingSetId().orElse(null));
    json.put("featureService", lineage.featureService().orElse(null));
    json.put("input", lineage.featureMapping().input());
    json.put("features", lineage.featureMapping().features());
    json.put("labels", lineage.labelNames());
    json.put(
        "parentVersion",
        lineage.parentVersion().isPresent() ? lineage.parentVersion().getAsInt() : null);
    json.put("algorithm", lineage.algorithm().orElse(null));
    return json;
  }

  static Map<String, Object> aliasMove(AliasMove move) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("alias", move.alias().value());
    json.put("from", move.fromVersion().isPresent() ? move.fromVersion().getAsInt() : null);
    json.put("to", move.toVersion().isPresent() ? move.toVersion().getAsInt() : null);
    json.put("movedBy", move.movedBy());
    json.put("movedAt", move.movedAt().toString());
    json.put("reason", move.reason());
    return json;
  }

  static Map<String, Object> page(long total, List<?> items) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("total", total);
    json.put("items", items);
    return json;
  }

  static Map<String, Object> card(ModelCard card) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", card.version().model().value());
    json.put("version", card.version().number());
    json.put("intendedUse", card.intendedUse());
    json.put("limitations", card.limitations());
    json.put("ethicalConsiderations", card.ethicalConsiderations());
    json.put("trainingDataSummary", card.trainingDataSummary());
    json.put("updatedBy", card.updatedBy());
    json.put("updatedAt", card.updatedAt().map(Object::toString).orElse(null));
    return json;
  }
}
