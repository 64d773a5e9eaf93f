package org.mlplatform.domain.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.domain.models.ModelFixtures.features;
import static org.mlplatform.domain.models.ModelFixtures.trained;
import static org.mlplatform.domain.models.ModelFixtures.uploaded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry.ConflictException;
import org.mlplatform.domain.models.ModelRegistry.NotFoundException;

class ModelRegistryTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");

  private final MutableClock clock = new MutableClock();
  private final InMemoryModelRepository repository = new InMemoryModelRepository();
  private final ModelRegistry registry = new ModelRegistry(repository, clock);

  @BeforeEach
  void fraudModel() {
    registry.createModel(FRAUD, "catches fraud", "risk-team", Set.of("payments"));
  }

  @Test
  void createsUpdatesAndListsModelsKeepingTheCreationTime() {
    clock.advance(Duration.ofHours(1));
    ModelDefinition updated =
        registry.updateModel(FRAUD, "catches more fraud", "bob", Set.of("payments", "prod"));
    registry.createModel(new ResourceName("churn"), "", "", Set.of());

    assertThat(updated.createdAt()).isEqualTo(at("2026-03-01T10:00:00Z"));
    assertThat(updated.updatedAt()).isEqualTo(at("2026-03-01T11:00:00Z"));
    assertThat(registry.model(FRAUD)).isEqualTo(updated);
    assertThat(registry.models(null, PageRequest.first(10)).items())
        .extracting(m -> m.name().value())
        .containsExactly("churn", "fraud");
    assertThat(registry.models("fra", PageRequest.first(10)).items()).containsExactly(updated);
  }

  @Test
  void refusesADuplicateModelAndReportsMissingOnes() {
    assertThatThrownBy(() -> registry.createModel(FRAUD, "", "", Set.of()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> registry.model(new ResourceName("nope")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> registry.registerVersion(new ResourceName("nope"), uploaded("", Map.of())))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("no model named nope");
  }

  @Test
  void numbersVersionsPerModelAndStampsThem() {
    registry.createModel(new ResourceName("churn"), "", "", Set.of());
    ModelVersion first = registry.registerVersion(FRAUD, uploaded("one", Map.of()));
    clock.advance(Duration.ofMinutes(5));
    ModelVersion second = registry.registerVersion(FRAUD, uploaded("two", Map.of()));
    ModelVersion churn =
        registry.registerVersion(new ResourceName("churn"), uploaded("", Map.of()));

    assertThat(first.id()).isEqualTo(ModelVersionId.of("fraud", 1));
    assertThat(second.number()).isEqualTo(2);
    assertThat(churn.number()).isEqualTo(1);
    assertThat(second.registeredAt()).isEqualTo(at("2026-03-01T10:05:00Z"));
    assertThat(registry.versions(FRAUD, PageRequest.first(10)).items())
        .containsExactly(second, first);
    Page<ModelVersion> page = registry.versions(FRAUD, new PageRequest(1, 1));
    assertThat(page.items()).containsExactly(first);
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void concurrentRegistrationsGetDistinctConsecutiveNumbers() throws Exception {
    int threads = 4;
    int each = 25;
    CountDownLatch start = new CountDownLatch(1);
    List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    numbers.add(registry.registerVersion(FRAUD, uploaded("", Map.of())).number());
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    }

    assertThat(numbers)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, threads * each).boxed().toList());
  }

  @Test
  void aVersionTrainedOnFeatureDataMustListItsFeaturesMatchingTheInput() {
    VersionRegistration noFeatures = trained(List.of(), null, Map.of());
    assertThatThrownBy(() -> registry.registerVersion(FRAUD, noFeatures))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("features"));

    VersionRegistration fourForThree =
        new VersionRegistration(
            ModelFixtures.artifact('c'),
            "onnx",
            ModelFixtures.signature(3),
            "",
            Map.of(),
            Map.of(),
            trained(features(4), null, Map.of()).lineage(),
            "alice");
    assertThatThrownBy(() -> registry.registerVersion(FRAUD, fourForThree))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("features"))
        .hasMessageContaining("takes 3 values per row but 4 features are listed");

    VersionRegistration wrongInput =
        new VersionRegistration(
            ModelFixtures.artifact('c'),
            "onnx",
            ModelFixtures.signature(2),
            "",
            Map.of(),
            Map.of(),
            ModelLineage.builder(ModelSource.UPLOADED)
                .features(new FeatureMapping("pixels", features(2)))
                .build(),
            "alice");
    assertThatThrownBy(() -> registry.registerVersion(FRAUD, wrongInput))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("input"))
        .hasMessageContaining("its inputs are [input]");
    assertThat(repository.versionCount(FRAUD)).isZero();
  }

  @Test
  void aParentMustBeAnExistingVersionOfTheSameModel() {
    assertThatThrownBy(() -> registry.registerVersion(FRAUD, trained(features(2), 1, Map.of())))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("parentVersion"));

    registry.registerVersion(FRAUD, trained(features(2), null, Map.of()));
    ModelVersion retrained = registry.registerVersion(FRAUD, trained(features(2), 1, Map.of()));
    ModelVersion again = registry.registerVersion(FRAUD, trained(features(2), 2, Map.of()));

    assertThat(retrained.parent()).contains(ModelVersionId.of("fraud", 1));
    assertThat(registry.lineage(again.id()))
        .extracting(ModelVersion::number)
        .containsExactly(3, 2, 1);
  }

  @Test
  void aModelWithVersionsCannotBeDeletedAnEmptyOneCan() {
    registry.registerVersion(FRAUD, uploaded("", Map.of()));
    ResourceName empty = new ResourceName("empty");
    registry.createModel(empty, "", "", Set.of());

    assertThatThrownBy(() -> registry.deleteModel(FRAUD))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("has 1 version");
    registry.deleteModel(empty);

    assertThat(repository.model(empty)).isEmpty();
    assertThat(repository.model(FRAUD)).isPresent();
  }

  @Test
  void resolvesNumbersLatestAliasesAndThePlainNameAsTheChampion() {
    registry.registerVersion(FRAUD, uploaded("one", Map.of()));
    registry.registerVersion(FRAUD, uploaded("two", Map.of()));
    registry.registerVersion(FRAUD, uploaded("three", Map.of()));
    registry.setAlias(FRAUD, AliasName.CHALLENGER, 3, "alice", "");
    registry.setAlias(
        FRAUD,
        AliasName.CHAMPION,
        2,
        "workflow",
        "",
        new PromotionGrant(ModelVersionId.of("fraud", 2), AliasName.CHAMPION, "p-1", "rita"));

    assertThat(registry.resolve("fraud:1").description()).isEqualTo("one");
    assertThat(registry.resolve("fraud:latest").number()).isEqualTo(3);
    assertThat(registry.resolve("fraud@challenger").number()).isEqualTo(3);
    assertThat(registry.resolve("fraud").number()).isEqualTo(2);
    assertThatThrownBy(() -> registry.resolve("fraud:9"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("model fraud has no version 9");
    assertThatThrownBy(() -> registry.resolve("fraud@shadow"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aPlainNameWithoutAChampionDoesNotFallBackToTheNewestVersion() {
    registry.registerVersion(FRAUD, uploaded("", Map.of()));

    assertThatThrownBy(() -> registry.resolve("fraud"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("has no alias champion");
  }

  @Test
  void aCardIsBlankUntilEditedAndRecordsItsEditor() {
    ModelVersion version = registry.registerVersion(FRAUD, uploaded("", Map.of()));
    assertThat(registry.card(version.id())).isEqualTo(ModelCard.blank(version.id()));

    clock.advance(Duration.ofDays(1));
    ModelCard edited =
        registry.updateCard(
            version.id(), new CardText("screening card payments", "", "", ""), "carol");

    assertThat(registry.card(version.id())).isEqualTo(edited);
    assertThat(edited.updatedBy()).isEqualTo("carol");
    assertThat(edited.updatedAt()).contains(at("2026-03-02T10:00:00Z"));
    assertThat(registry.version(version.id())).isEqualTo(version);
    assertThatThrownBy(
            () -> registry.updateCard(ModelVersionId.of("fraud", 7), CardText.empty(), "carol"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                registry.updateCard(
                    version.id(), new CardText("x".repeat(10_001), "", "", ""), "carol"))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("intendedUse"));
  }

  private static java.time.Instant at(String text) {
    return java.time.Instant.parse(text);
  }
}
