package org.mlplatform.portal.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.online.OnlineLookup.FeatureColumn;
import org.mlplatform.domain.features.online.OnlineStatus;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;

/** What an online lookup shows of personal features to each role. */
class OnlineAnswerMaskingTest {

  private static final FeatureRef AGE = FeatureRef.parse("f", "customers:age");
  private static final FeatureRef AMOUNT = FeatureRef.parse("f", "txn_stats:amount_avg");
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private static FeatureColumn column(FeatureRef ref, Object... values) {
    return new FeatureColumn(
        ref,
        Arrays.asList(values),
        List.of(OnlineStatus.PRESENT, OnlineStatus.NOT_FOUND),
        Arrays.asList(AT, null));
  }

  private static final OnlineFeatures.Answer ANSWER =
      new OnlineFeatures.Answer(
          List.of("customer_id"),
          List.of(List.of(1, 2)),
          List.of(column(AMOUNT, 12.5, null), column(AGE, 41L, null)),
          Set.of(AGE));

  private static PlatformUser user(Role role) {
    return new PlatformUser(role.externalName(), null, Set.of(role));
  }

  @Test
  void viewersAndReviewersGetNullsForPersonalFeaturesAndTheirNames() {
    for (Role role : List.of(Role.VIEWER, Role.REVIEWER)) {
      OnlineFeatures.Answer shown = ANSWER.asSeenBy(user(role));

      assertThat(shown.features().get(1).values()).containsExactly(null, null);
      assertThat(shown.features().get(1).statuses())
          .containsExactly(OnlineStatus.PRESENT, OnlineStatus.NOT_FOUND);
      assertThat(shown.features().get(0).values()).containsExactly(12.5, null);
      assertThat(shown.joinKeyValues()).containsExactly(List.of(1, 2));
      assertThat(ANSWER.maskedFor(user(role))).containsExactly(AGE);
    }
  }

  @Test
  void dataScientistsAndAdminsSeeValuesInClear() {
    for (Role role : List.of(Role.DATA_SCIENTIST, Role.ADMIN)) {
      assertThat(ANSWER.asSeenBy(user(role)).features().get(1).values()).containsExactly(41L, null);
      assertThat(ANSWER.maskedFor(user(role))).isEmpty();
    }
  }
}
