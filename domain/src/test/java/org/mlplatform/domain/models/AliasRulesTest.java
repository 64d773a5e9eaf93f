package org.mlplatform.domain.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.domain.models.ModelFixtures.uploaded;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry.ForbiddenException;
import org.mlplatform.domain.models.ModelRegistry.NotFoundException;

class AliasRulesTest {

  private static final ResourceName FRAUD = new ResourceName("fraud");

  private final MutableClock clock = new MutableClock();
  private final InMemoryModelRepository repository = new InMemoryModelRepository();
  private final ModelRegistry registry = new ModelRegistry(repository, clock);

  @BeforeEach
  void threeVersions() {
    registry.createModel(FRAUD, "", "", Set.of());
    for (int i = 0; i < 3; i++) {
      registry.registerVersion(FRAUD, uploaded("", Map.of()));
    }
  }

  private static PromotionGrant grant(int version) {
    return new PromotionGrant(
        ModelVersionId.of("fraud", version), AliasName.CHAMPION, "process-42", "rita");
  }

  @Test
  void championCannotBeSetMovedOrRemovedWithoutAGrantAndTheMessageSaysHowToAsk() {
    assertThatThrownBy(() -> registry.setAlias(FRAUD, AliasName.CHAMPION, 2, "alice", ""))
        .isInstanceOf(ChampionProtectedException.class)
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("POST /api/v1/models/fraud/versions/2/promotions");

    registry.setAlias(FRAUD, AliasName.CHAMPION, 2, "workflow", "approved", grant(2));

    assertThatThrownBy(() -> registry.setAlias(FRAUD, AliasName.CHAMPION, 3, "alice", ""))
        .isInstanceOfSatisfying(
            ChampionProtectedException.class, e -> assertThat(e.version()).isEqualTo(3));
    assertThatThrownBy(() -> registry.removeAlias(FRAUD, AliasName.CHAMPION, "alice", ""))
        .isInstanceOf(ChampionProtectedException.class)
        .hasMessageContaining("/versions/2/promotions");
    assertThat(registry.resolve("fraud").number()).isEqualTo(2);
    assertThat(registry.aliasHistory(FRAUD)).hasSize(1);
  }

  @Test
  void aGrantAllowsOnlyTheVersionAndAliasItNames() {
    assertThatThrownBy(
            () -> registry.setAlias(FRAUD, AliasName.CHAMPION, 3, "workflow", "", grant(2)))
        .isInstanceOf(ForbiddenException.class)
        .isNotInstanceOf(ChampionProtectedException.class)
        .hasMessageContaining("allows fraud:2 as champion, not fraud:3 as champion");
    assertThatThrownBy(
            () -> registry.setAlias(FRAUD, AliasName.CHALLENGER, 2, "workflow", "", grant(2)))
        .isInstanceOf(ForbiddenException.class);

    registry.setAlias(FRAUD, AliasName.CHAMPION, 2, "workflow", "", grant(2));
    assertThatThrownBy(
            () -> registry.removeAlias(FRAUD, AliasName.CHAMPION, "workflow", "", grant(3)))
        .isInstanceOf(ForbiddenException.class);
    registry.removeAlias(FRAUD, AliasName.CHAMPION, "workflow", "retired", grant(2));

    assertThat(registry.aliases(FRAUD)).isEmpty();
  }

  @Test
  void otherAliasesMoveFreelyAndEveryChangeIsRecordedNewestFirst() {
    AliasName shadow = new AliasName("shadow-eu_1");
    registry.setAlias(FRAUD, AliasName.CHALLENGER, 1, "alice", "first try");
    clock.advance(Duration.ofMinutes(1));
    registry.setAlias(FRAUD, AliasName.CHALLENGER, 3, "bob", "better auc");
    registry.setAlias(FRAUD, AliasName.CHALLENGER, 3, "bob", "same again");
    registry.setAlias(FRAUD, shadow, 2, "alice", "");
    clock.advance(Duration.ofMinutes(1));
    registry.removeAlias(FRAUD, shadow, "carol", "done");
    registry.setAlias(FRAUD, AliasName.CHAMPION, 3, "workflow", "", grant(3));

    assertThat(registry.aliases(FRAUD))
        .containsExactly(
            new Alias(FRAUD, AliasName.CHALLENGER, 3), new Alias(FRAUD, AliasName.CHAMPION, 3));
    assertThat(registry.aliasHistory(FRAUD))
        .extracting(
            m -> m.alias().value(),
            AliasMove::fromVersion,
            AliasMove::toVersion,
            AliasMove::movedBy,
            AliasMove::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "champion",
                OptionalInt.empty(),
                OptionalInt.of(3),
                "workflow",
                "(promotion process-42, approved by rita)"),
            org.assertj.core.groups.Tuple.tuple(
                "shadow-eu_1", OptionalInt.of(2), OptionalInt.empty(), "carol", "done"),
            org.assertj.core.groups.Tuple.tuple(
                "shadow-eu_1", OptionalInt.empty(), OptionalInt.of(2), "alice", ""),
            org.assertj.core.groups.Tuple.tuple(
                "challenger", OptionalInt.of(1), OptionalInt.of(3), "bob", "better auc"),
            org.assertj.core.groups.Tuple.tuple(
                "challenger", OptionalInt.empty(), OptionalInt.of(1), "alice", "first try"));
    assertThat(registry.aliasHistory(FRAUD).get(1).movedAt())
        .isEqualTo(java.time.Instant.parse("2026-03-01T10:02:00Z"));
  }

  @Test
  void anAliasPointsOnlyAtAnExistingVersion() {
    assertThatThrownBy(() -> registry.setAlias(FRAUD, AliasName.CHALLENGER, 9, "alice", ""))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("version"))
        .hasMessage("model fraud has no version 9");
    assertThatThrownBy(() -> registry.setAlias(FRAUD, AliasName.CHALLENGER, 0, "alice", ""))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("version"));
    assertThatThrownBy(() -> registry.removeAlias(FRAUD, AliasName.CHALLENGER, "alice", ""))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> registry.setAlias(new ResourceName("nope"), AliasName.CHALLENGER, 1, "a", ""))
        .isInstanceOf(NotFoundException.class);
    assertThat(registry.aliasHistory(FRAUD)).isEmpty();
  }

  @Test
  void aliasNamesFollowTheNamingRules() {
    assertThat(AliasName.of("alias", "blue-green_2").value()).isEqualTo("blue-green_2");
    for (String bad : new String[] {"Champion", "2nd", "a b", "", "-x", "a".repeat(64), "a/b"}) {
      assertThatThrownBy(() -> AliasName.of("alias", bad))
          .as(bad)
          .isInstanceOfSatisfying(
              DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("alias"));
    }
    assertThat(AliasName.CHAMPION.isChampion()).isTrue();
    assertThat(new AliasName("champion").isChampion()).isTrue();
    assertThat(AliasName.CHALLENGER.isChampion()).isFalse();
  }
}
