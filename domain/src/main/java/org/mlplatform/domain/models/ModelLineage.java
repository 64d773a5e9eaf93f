package org.mlplatform.domain.models;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;

/**
 * Where a version came from: the training-set snapshot and feature service it was trained on, the
 * features feeding its input, its class labels, the version it was retrained from and the
 * algorithm. Each reference is checked for form here; whether it points at something that exists is
 * the registry's business.
 *
 * @param trainingSetId the training-set snapshot's id, a UUID in lower case
 * @param featureService the feature service as {@code name:version}
 * @param labelNames class labels in the order of the model's output columns; empty for regressors
 * @param parentVersion the number of the version of the same model this one was retrained from
 */
public record ModelLineage(
    ModelSource source,
    Optional<String> trainingSetId,
    Optional<String> featureService,
    FeatureMapping featureMapping,
    List<String> labelNames,
    OptionalInt parentVersion,
    Optional<String> algorithm) {

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern SERVICE_VERSION = Pattern.compile("[1-9][0-9]{0,8}");

  public ModelLineage {
    Objects.requireNonNull(source, "source");
    trainingSetId =
        Objects.requireNonNullElse(trainingSetId, Optional.<String>empty())
            .map(ModelLineage::checkTrainingSetId);
    featureService =
        Objects.requireNonNullElse(featureService, Optional.<String>empty())
            .map(ModelLineage::checkFeatureService);
    featureMapping = Objects.requireNonNullElse(featureMapping, FeatureMapping.none());
    labelNames = checkLabels(labelNames == null ? List.of() : labelNames);
    parentVersion = Objects.requireNonNullElse(parentVersion, OptionalInt.empty());
    if (parentVersion.isPresent() && parentVersion.getAsInt() < 1) {
      throw new DomainValidationException(
          "parentVersion", "version numbers start at 1, got " + parentVersion.getAsInt());
    }
    algorithm =
        Objects.requireNonNullElse(algorithm, Optional.<String>empty())
            .map(a -> Texts.label("algorithm", a.strip()));
    if (source == ModelSource.TRAINED && (trainingSetId.isEmpty() || algorithm.isEmpty())) {
      throw new DomainValidationException(
          trainingSetId.isEmpty() ? "trainingSetId" : "algorithm",
          "a version trained in the platform names its training set and algorithm");
    }
  }

  /** Lineage of an uploaded file about whose origin nothing is known. */
  public static ModelLineage unknown() {
    return builder(ModelSource.UPLOADED).build();
  }

  public static Builder builder(ModelSource source) {
    return new Builder(source);
  }

  /** Whether the version was trained on data the feature store knows. */
  public boolean hasFeatureData() {
    return trainingSetId.isPresent() || featureService.isPresent();
  }

  private static String checkTrainingSetId(String text) {
    String id = text.strip().toLowerCase(Locale.ROOT);
    if (!UUID_TEXT.matcher(id).matches()) {
      throw new DomainValidationException(
          "trainingSetId", "a training set id is a UUID, got '" + abbreviate(text) + "'");
    }
    return id;
  }

  private static String checkFeatureService(String text) {
    String reference = text.strip();
    int colon = reference.indexOf(':');
    if (colon < 0 || !SERVICE_VERSION.matcher(reference.substring(colon + 1)).matches()) {
      throw new DomainValidationException(
          "featureService",
          "expected the feature service as 'name:version', got '" + abbreviate(text) + "'");
    }
    ResourceName.of("featureService", reference.substring(0, colon));
    return reference;
  }

  private static List<String> checkLabels(List<String> labels) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < labels.size(); i++) {
      String field = "labelNames[" + i + "]";
      String label = Texts.required(field, labels.get(i), Texts.NAME_MAX);
      if (!seen.add(label)) {
        throw new DomainValidationException(field, "label " + label + " is listed twice");
      }
    }
    return List.copyOf(labels);
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }

  /** Builds lineage from the parts a caller has; the rest stays empty. */
  public static final class Builder {
    private final ModelSource source;
    private String trainingSetId;
    private String featureService;
    private FeatureMapping featureMapping = FeatureMapping.none();
    private List<String> labelNames = List.of();
    private Integer parentVersion;
    private String algorithm;

    private Builder(ModelSource source) {
      this.source = source;
    }

    public Builder trainingSet(String id) {
      this.trainingSetId = id;
      return this;
    }

    public Builder featureService(String nameAndVersion) {
      this.featureService = nameAndVersion;
      return this;
    }

    public Builder features(FeatureMapping mapping) {
      this.featureMapping = mapping;
      return this;
    }

    public Builder features(List<String> features) {
      return features(FeatureMapping.of(features));
    }

    public Builder labels(List<String> labels) {
      this.labelNames = labels;
      return this;
    }

    public Builder parent(Integer version) {
      this.parentVersion = version;
      return this;
    }

    public Builder algorithm(String name) {
      this.algorithm = name;
      return this;
    }

    public ModelLineage build() {
      return new ModelLineage(
          source,
          Optional.ofNullable(blankToNull(trainingSetId)),
          Optional.ofNullable(blankToNull(featureService)),
          featureMapping,
          labelNames,
          parentVersion == null ? OptionalInt.empty() : OptionalInt.of(parentVersion),
          Optional.ofNullable(blankToNull(algorithm)));
    }

    private static String blankToNull(String text) {
      return text == null || text.isBlank() ? null : text;
    }
  }
}
