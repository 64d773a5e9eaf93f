package org.mlplatform.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.audit.Outcome;

/** Every mutating call ends with one record that still stands, written by its service or not. */
class ApiCallRecordsTest {

  @Test
  void aSuccessTheServiceRecordedNeedsNoOtherRecord() {
    assertThat(ApiCallRecords.needed(201, Optional.of(Outcome.SUCCESS))).isEmpty();
  }

  @Test
  void aSuccessWithoutARecordGetsOne() {
    assertThat(ApiCallRecords.needed(200, Optional.empty())).contains(Outcome.SUCCESS);
  }

  @Test
  void refusalsAreDeniedAndOtherErrorsFailed() {
    assertThat(ApiCallRecords.needed(403, Optional.empty())).contains(Outcome.DENIED);
    assertThat(ApiCallRecords.needed(401, Optional.empty())).contains(Outcome.DENIED);
    assertThat(ApiCallRecords.needed(400, Optional.empty())).contains(Outcome.FAILED);
    assertThat(ApiCallRecords.needed(409, Optional.empty())).contains(Outcome.FAILED);
    assertThat(ApiCallRecords.needed(500, Optional.empty())).contains(Outcome.FAILED);
  }

  @Test
  void aSuccessRecordOfAFailedCallRolledBackWithIt() {
    assertThat(ApiCallRecords.needed(400, Optional.of(Outcome.SUCCESS))).contains(Outcome.FAILED);
  }

  @Test
  void aFailureTheServiceRecordedItselfStands() {
    assertThat(ApiCallRecords.needed(400, Optional.of(Outcome.FAILED))).isEmpty();
    assertThat(ApiCallRecords.needed(403, Optional.of(Outcome.DENIED))).isEmpty();
  }

  @Test
  void recordsCountOnlyOnAWatchedThreadAndUntilTheCallEnds() {
    AuditedCalls.noted(Outcome.SUCCESS);
    AuditedCalls.begin();
    assertThat(AuditedCalls.end()).isEmpty();

    AuditedCalls.begin();
    AuditedCalls.noted(Outcome.SUCCESS);
    AuditedCalls.noted(Outcome.FAILED);
    assertThat(AuditedCalls.end()).contains(Outcome.FAILED);
    assertThat(AuditedCalls.end()).isEmpty();
  }
}
