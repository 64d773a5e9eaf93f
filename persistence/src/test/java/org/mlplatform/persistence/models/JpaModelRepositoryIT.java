package org.mlplatform.persistence.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mlplatform.persistence.models.ModelTestData.registry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.Alias;
import org.mlplatform.domain.models.AliasMove;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.CardText;
import org.mlplatform.domain.models.ChampionProtectedException;
import org.mlplatform.domain.models.ModelCard;
import org.mlplatform.domain.models.ModelDefinition;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.models.PageRequest;
import org.mlplatform.domain.models.PromotionGrant;
import org.mlplatform.persistence.TestDatabase;

/**
 * Models, versions, cards, aliases and alias history survive a round trip through Hibernate and the
 * Flyway schema, on H2 and PostgreSQL.
 */
class JpaModelRepositoryIT {

  private static final ResourceName FRAUD = new ResourceName("fraud_model");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void modelsVersionsAndCardsRoundTrip(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = ModelTestData.emf(db)) {
      registry(emf, r -> r.createModel(FRAUD, "catches fraud", "risk", Set.of("payments", "pii")));
      registry(emf, r -> r.createModel(new ResourceName("fraudxmodel"), "", "", Set.of()));
      ModelDefinition updated =
          registry(emf, r -> r.updateModel(FRAUD, "catches more fraud", "risk", Set.of("prod")));
      ModelVersion first =
          registry(emf, r -> r.registerVersion(FRAUD, ModelTestData.uploaded("one")));
      ModelVersion second = registry(emf, r -> r.registerVersion(FRAUD, ModelTestData.trained(1)));
      ModelCard card =
          registry(
              emf,
              r -> r.updateCard(second.id(), new CardText("screening", "", "", "March"), "carol"));
      ModelCard edited =
          registry(
              emf,
              r ->
                  r.updateCard(
                      second.id(), new CardText("screening", "small merchants", "", ""), "dave"));

      try (EntityManager em = emf.createEntityManager()) {
        ModelRegistry registry = new ModelRegistry(new JpaModelRepository(em));
        assertThat(registry.model(FRAUD)).isEqualTo(updated);
        assertThat(registry.model(FRAUD).tags()).containsExactly("prod");
        assertThat(registry.models("_", PageRequest.first(10)).items()).containsExactly(updated);
        assertThat(registry.models("", new PageRequest(1, 1)).items())
            .extracting(m -> m.name().value())
            .containsExactly("fraudxmodel");
        assertThat(registry.models(null, new PageRequest(0, 1)).total()).isEqualTo(2);
        assertThat(registry.version(first.id())).isEqualTo(first);
        assertThat(registry.version(second.id())).isEqualTo(second);
        assertThat(registry.version(first.id()).metrics().get("accuracy")).isEqualTo(0.1 + 0.2);
        assertThat(registry.versions(FRAUD, PageRequest.first(1)).items()).containsExactly(second);
        assertThat(registry.versions(FRAUD, PageRequest.first(1)).total()).isEqualTo(2);
        assertThat(registry.lineage(second.id())).containsExactly(second, first);
        assertThat(registry.card(second.id())).isEqualTo(edited).isNotEqualTo(card);
        assertThat(registry.card(first.id())).isEqualTo(ModelCard.blank(first.id()));
        assertThat(registry.cardMarkdown(second.id())).contains("small merchants");
        assertThat(registry.compare(first.id(), second.id()).callersFit()).isFalse();
      }

      assertThatThrownBy(
              () ->
                  registry(
                      emf,
                      r -> {
                        r.deleteModel(FRAUD);
                        return null;
                      }))
          .isInstanceOf(ModelRegistry.ConflictException.class);
      registry(
          emf,
          r -> {
            r.deleteModel(new ResourceName("fraudxmodel"));
            return null;
          });
      try (EntityManager em = emf.createEntityManager()) {
        assertThat(new JpaModelRepository(em).models(null, PageRequest.first(10)).items())
            .extracting(m -> m.name().value())
            .containsExactly("fraud_model");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aliasesMoveAndEveryMoveIsKept(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = ModelTestData.emf(db)) {
      registry(emf, r -> r.createModel(FRAUD, "", "", Set.of()));
      for (int i = 0; i < 3; i++) {
        registry(emf, r -> r.registerVersion(FRAUD, ModelTestData.uploaded("")));
      }
      registry(emf, r -> r.setAlias(FRAUD, AliasName.CHALLENGER, 1, "alice", "try"));
      registry(emf, r -> r.setAlias(FRAUD, AliasName.CHALLENGER, 2, "alice", "better"));
      PromotionGrant grant =
          new PromotionGrant(new ModelVersionId(FRAUD, 2), AliasName.CHAMPION, "p-7", "rita");
      registry(emf, r -> r.setAlias(FRAUD, AliasName.CHAMPION, 2, "workflow", "", grant));
      registry(
          emf,
          r -> {
            r.removeAlias(FRAUD, AliasName.CHALLENGER, "bob", "promoted");
            return null;
          });
      assertThatThrownBy(
              () -> registry(emf, r -> r.setAlias(FRAUD, AliasName.CHAMPION, 3, "alice", "")))
          .isInstanceOf(ChampionProtectedException.class);

      try (EntityManager em = emf.createEntityManager()) {
        ModelRegistry registry = new ModelRegistry(new JpaModelRepository(em));
        assertThat(registry.aliases(FRAUD))
            .extracting(a -> a.name().value(), a -> a.version())
            .containsExactly(tuple("champion", 2));
        assertThat(registry.resolve("fraud_model").number()).isEqualTo(2);
        assertThat(registry.resolve("fraud_model:latest").number()).isEqualTo(3);
        assertThat(registry.aliasHistory(FRAUD))
            .extracting(
                m -> m.alias().value(),
                AliasMove::fromVersion,
                AliasMove::toVersion,
                AliasMove::movedBy,
                AliasMove::reason)
            .containsExactly(
                tuple("challenger", OptionalInt.of(2), OptionalInt.empty(), "bob", "promoted"),
                tuple(
                    "champion",
                    OptionalInt.empty(),
                    OptionalInt.of(2),
                    "workflow",
                    "(promotion p-7, approved by rita)"),
                tuple("challenger", OptionalInt.of(1), OptionalInt.of(2), "alice", "better"),
                tuple("challenger", OptionalInt.empty(), OptionalInt.of(1), "alice", "try"));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void versionsAndAliasesOfSeveralModelsComeInOneReadEach(TestDatabase.Kind kind) {
    ResourceName churn = new ResourceName("churn_model");
    ResourceName idle = new ResourceName("idle_model");
    try (TestDatabase db = TestDatabase.create(kind);
        EntityManagerFactory emf = ModelTestData.emf(db)) {
      for (ResourceName model : List.of(FRAUD, churn, idle)) {
        registry(emf, r -> r.createModel(model, "", "", Set.of()));
      }
      for (int i = 0; i < 2; i++) {
        registry(emf, r -> r.registerVersion(FRAUD, ModelTestData.uploaded("")));
      }
      registry(emf, r -> r.registerVersion(churn, ModelTestData.uploaded("")));
      registry(emf, r -> r.setAlias(FRAUD, AliasName.CHALLENGER, 1, "alice", "try"));
      registry(emf, r -> r.setAlias(churn, AliasName.CHALLENGER, 1, "alice", "try"));

      try (EntityManager em = emf.createEntityManager()) {
        JpaModelRepository repository = new JpaModelRepository(em);
        assertThat(repository.versionsOf(List.of(FRAUD, idle)))
            .extracting(v -> v.model().value(), ModelVersion::number)
            .containsExactly(tuple("fraud_model", 2), tuple("fraud_model", 1));
        assertThat(repository.aliasesOf(List.of(churn, FRAUD, idle)))
            .extracting(a -> a.model().value(), Alias::version)
            .containsExactly(tuple("churn_model", 1), tuple("fraud_model", 1));
        assertThat(repository.versionsOf(List.of())).isEmpty();
      }
    }
  }
}
