package org.mlplatform.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRegistry.ConflictException;
import org.mlplatform.domain.features.FeatureRegistry.NotFoundException;

class FeatureRegistryTest {

  private final InMemoryFeatureCatalog catalog = new InMemoryFeatureCatalog();
  private final FeatureRegistry registry = new FeatureRegistry(catalog);

  private static ResourceName n(String name) {
    return new ResourceName(name);
  }

  private static FeatureViewDefinition view(String description, FeatureDefinition... features) {
    return new FeatureViewDefinition(
        n("txn_stats"),
        1,
        List.of(n("customer")),
        List.of(features),
        Duration.ofDays(1),
        "alice",
        Set.of("payments"),
        description);
  }

  private static FeatureDefinition f(String name, FeatureType type) {
    return new FeatureDefinition(n(name), type, "");
  }

  @BeforeEach
  void customer() {
    registry.createEntity(
        new EntityDefinition(
            n("customer"), List.of(new JoinKey(n("customer_id"), FeatureType.INT64)), "people"));
  }

  @Test
  void aSchemaChangeMakesANewVersionADescriptionChangeDoesNot() {
    registry.createView(view("v1", f("amount_avg", FeatureType.FLOAT64)));

    FeatureViewDefinition described =
        registry.updateView(view("better words", f("amount_avg", FeatureType.FLOAT64)));
    FeatureViewDefinition widened =
        registry.updateView(
            view("more", f("amount_avg", FeatureType.FLOAT64), f("count_7d", FeatureType.INT64)));

    assertThat(described.version()).isEqualTo(1);
    assertThat(widened.version()).isEqualTo(2);
    assertThat(catalog.viewVersions(n("txn_stats")))
        .extracting(FeatureViewDefinition::version)
        .containsExactly(1, 2);
    assertThat(registry.view(n("txn_stats"), 1).description()).isEqualTo("better words");
  }

  @Test
  void refusesUnknownEntitiesAndKeyClashesNamingTheField() {
    FeatureViewDefinition unknown =
        new FeatureViewDefinition(
            n("v"),
            1,
            List.of(n("merchant")),
            List.of(f("x", FeatureType.INT64)),
            Duration.ZERO,
            "",
            Set.of(),
            "");
    assertThatThrownBy(() -> registry.createView(unknown))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("entities"))
        .hasMessageContaining("unknown entity merchant");

    assertThatThrownBy(() -> registry.createView(view("", f("customer_id", FeatureType.INT64))))
        .isInstanceOfSatisfying(
            DomainValidationException.class,
            e -> assertThat(e.field()).isEqualTo("features[0].name"));
  }

  @Test
  void duplicatesConflictAndMissingOnesAreNotFound() {
    registry.createView(view("", f("x", FeatureType.INT64)));

    assertThatThrownBy(() -> registry.createView(view("", f("x", FeatureType.INT64))))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> registry.latestView(n("nope"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> registry.view(n("txn_stats"), 7))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anEntityInUseCannotBeDeletedNorItsKeysChanged() {
    registry.createView(view("", f("x", FeatureType.INT64)));

    assertThatThrownBy(() -> registry.deleteEntity(n("customer")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("txn_stats");
    assertThatThrownBy(
            () ->
                registry.updateEntity(
                    new EntityDefinition(
                        n("customer"),
                        List.of(new JoinKey(n("customer_id"), FeatureType.STRING)),
                        "")))
        .hasMessageContaining("cannot change");

    registry.deleteView(n("txn_stats"));
    registry.deleteEntity(n("customer"));
    assertThat(catalog.entities()).isEmpty();
  }

  @Test
  void joinKeysFollowTheEntities() {
    FeatureViewDefinition v = registry.createView(view("", f("x", FeatureType.INT64)));

    assertThat(registry.joinKeys(v))
        .extracting(k -> k.name().value())
        .containsExactly("customer_id");
  }

  private static FeatureServiceDefinition service(String... refs) {
    return new FeatureServiceDefinition(
        n("fraud_v1"),
        1,
        java.util.Arrays.stream(refs).map(r -> FeatureRef.parse("features", r)).toList(),
        "alice",
        Set.of(),
        "fraud model inputs");
  }

  @Test
  void aFeatureServiceVersionsItsFeatureListAndChecksEveryReference() {
    registry.createView(
        view("v1", f("amount_avg", FeatureType.FLOAT64), f("count_7d", FeatureType.INT64)));

    FeatureServiceDefinition first = registry.createService(service("txn_stats:amount_avg"));
    FeatureServiceDefinition same = registry.updateService(service("txn_stats:amount_avg"));
    FeatureServiceDefinition wider =
        registry.updateService(service("txn_stats:amount_avg", "txn_stats:count_7d"));

    assertThat(List.of(first.version(), same.version(), wider.version())).containsExactly(1, 1, 2);
    assertThat(registry.serviceByReference("fraud_v1:1").features()).hasSize(1);
    assertThat(registry.serviceByReference("fraud_v1").features()).hasSize(2);
    assertThatThrownBy(() -> registry.updateService(service("txn_stats:nope")))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("has no feature nope");
    assertThatThrownBy(() -> registry.updateService(service("other:amount_avg")))
        .hasMessageContaining("unknown feature view other");
    assertThatThrownBy(() -> registry.createService(service("txn_stats:count_7d")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> registry.serviceByReference("fraud_v1:9"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aViewCannotLoseOrDeleteFeaturesAServiceUses() {
    registry.createView(
        view("v1", f("amount_avg", FeatureType.FLOAT64), f("count_7d", FeatureType.INT64)));
    registry.createService(service("txn_stats:count_7d"));

    assertThatThrownBy(() -> registry.updateView(view("v2", f("amount_avg", FeatureType.FLOAT64))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("used by feature service fraud_v1");
    assertThatThrownBy(() -> registry.deleteView(n("txn_stats")))
        .isInstanceOf(ConflictException.class);

    registry.deleteService(n("fraud_v1"));
    registry.deleteView(n("txn_stats"));
    assertThat(catalog.latestViews()).isEmpty();
  }

  @Test
  void requestsNameEitherFeaturesOrAService() {
    assertThatThrownBy(() -> registry.resolveFeatures(List.of(), null))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("either");
    assertThatThrownBy(
            () -> registry.resolveFeatures(List.of(FeatureRef.parse("f", "a:b")), "fraud_v1"))
        .hasMessageContaining("not both");
  }

  @Test
  void derivedFeaturesAndRequestFieldsMustNotShadowJoinKeys() {
    FeatureViewDefinition clash =
        new FeatureViewDefinition(
            n("txn_stats"),
            1,
            List.of(n("customer")),
            List.of(f("amount_avg", FeatureType.FLOAT64)),
            Duration.ZERO,
            "alice",
            Set.of(),
            "",
            List.of(),
            List.of(f("customer_id", FeatureType.INT64)));

    assertThatThrownBy(() -> registry.createView(clash))
        .isInstanceOf(DomainValidationException.class)
        .satisfies(
            e ->
                assertThat(((DomainValidationException) e).field())
                    .isEqualTo("requestFields[0].name"));
  }
}
