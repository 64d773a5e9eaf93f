package org.mlplatform.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditHashTest {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");

  static AuditEntry entry(String summary) {
    return new AuditEntry(
        T0,
        "alice",
        List.of("data-scientist", "viewer"),
        "model.register",
        "model:fraud",
        summary,
        Outcome.SUCCESS,
        "req-1",
        "10.0.0.7");
  }

  @Test
  void isSha256HexOfTheCanonicalEncodingAndStable() {
    String hash = AuditHash.of(1, entry("registered version 1"), AuditHash.GENESIS);

    assertThat(AuditHash.isWellFormed(hash)).isTrue();
    assertThat(AuditHash.of(1, entry("registered version 1"), AuditHash.GENESIS)).isEqualTo(hash);
    // A known answer: the encoding is a contract (records written by one version of the platform
    // are verified by the next), so a change to it must be deliberate and show up here.
    assertThat(hash).isEqualTo(KNOWN_HASH);
  }

  /**
   * The hash of {@link #entry}("registered version 1") at seq 1 after the genesis hash, worked out
   * apart from this code (Python's struct and hashlib over the encoding AuditHash documents).
   */
  static final String KNOWN_HASH =
      "45248476f31ef09e17890f1b68b3bc30b66af47b72879a2db9be745f47b57a3d";

  @Test
  void everyFieldThePlaceAndTheLinkChangeTheHash() {
    AuditEntry base = entry("s");
    String prev = AuditHash.GENESIS;
    Set<String> hashes = new HashSet<>();
    hashes.add(AuditHash.of(1, base, prev));
    hashes.add(AuditHash.of(2, base, prev));
    hashes.add(AuditHash.of(1, base, "1".repeat(64)));
    hashes.add(
        AuditHash.of(1, with(base, T0.plusNanos(1000), "model:fraud", "s", Outcome.SUCCESS), prev));
    hashes.add(AuditHash.of(1, copy(base, "bob", base.actorRoles(), base.action()), prev));
    hashes.add(AuditHash.of(1, copy(base, "alice", List.of("admin"), base.action()), prev));
    hashes.add(AuditHash.of(1, copy(base, "alice", base.actorRoles(), "model.delete"), prev));
    hashes.add(AuditHash.of(1, with(base, T0, "model:other", "s", Outcome.SUCCESS), prev));
    hashes.add(AuditHash.of(1, with(base, T0, "model:fraud", "t", Outcome.SUCCESS), prev));
    hashes.add(AuditHash.of(1, with(base, T0, "model:fraud", "s", Outcome.FAILED), prev));
    hashes.add(AuditHash.of(1, origin(base, "req-2", "10.0.0.7"), prev));
    hashes.add(AuditHash.of(1, origin(base, "req-1", "10.0.0.8"), prev));

    assertThat(hashes).hasSize(12);
  }

  @Test
  void lengthPrefixesKeepNullEmptyAndShiftedTextApart() {
    String prev = AuditHash.GENESIS;
    AuditEntry a = with(entry("x"), T0, "ab", "c", Outcome.SUCCESS);
    AuditEntry b = with(entry("x"), T0, "a", "bc", Outcome.SUCCESS);
    AuditEntry nullTarget = with(entry("x"), T0, null, "c", Outcome.SUCCESS);
    AuditEntry emptyTarget = with(entry("x"), T0, "", "c", Outcome.SUCCESS);

    assertThat(AuditHash.of(1, a, prev)).isNotEqualTo(AuditHash.of(1, b, prev));
    assertThat(AuditHash.of(1, nullTarget, prev)).isNotEqualTo(AuditHash.of(1, emptyTarget, prev));
  }

  @Test
  void timeCountsToTheMicrosecondTheDatabaseKeeps() {
    AuditEntry precise = with(entry("x"), T0.plusNanos(789), "t", "s", Outcome.SUCCESS);
    AuditEntry stored = with(entry("x"), T0, "t", "s", Outcome.SUCCESS);

    assertThat(precise.occurredAt()).isEqualTo(T0);
    assertThat(AuditHash.of(1, precise, AuditHash.GENESIS))
        .isEqualTo(AuditHash.of(1, stored, AuditHash.GENESIS));
  }

  @Test
  void rolesHashAsStoredJoinedWithCommas() {
    AuditEntry split = copy(entry("x"), "alice", List.of("a", "b"), "login");
    AuditEntry joined = copy(entry("x"), "alice", List.of("a,b"), "login");

    assertThat(AuditHash.of(1, split, AuditHash.GENESIS))
        .isEqualTo(AuditHash.of(1, joined, AuditHash.GENESIS));
  }

  @Test
  void canonicalEncodingStartsWithItsVersionTag() {
    byte[] bytes = AuditHash.canonical(1, entry("x"), AuditHash.GENESIS);

    assertThat(new String(bytes, 4, 12, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("mlp-audit-v1");
  }

  @Test
  void recognisesWellFormedHashes() {
    assertThat(AuditHash.isWellFormed(AuditHash.GENESIS)).isTrue();
    assertThat(AuditHash.isWellFormed("A".repeat(64))).isFalse();
    assertThat(AuditHash.isWellFormed("0".repeat(63))).isFalse();
    assertThat(AuditHash.isWellFormed(null)).isFalse();
  }

  static AuditEntry with(AuditEntry e, Instant at, String target, String summary, Outcome outcome) {
    return new AuditEntry(
        at,
        e.actor(),
        e.actorRoles(),
        e.action(),
        target,
        summary,
        outcome,
        e.requestId(),
        e.clientAddress());
  }

  static AuditEntry copy(AuditEntry e, String actor, List<String> roles, String action) {
    return new AuditEntry(
        e.occurredAt(),
        actor,
        roles,
        action,
        e.target(),
        e.summary(),
        e.outcome(),
        e.requestId(),
        e.clientAddress());
  }

  static AuditEntry origin(AuditEntry e, String requestId, String clientAddress) {
    return new AuditEntry(
        e.occurredAt(),
        e.actor(),
        e.actorRoles(),
        e.action(),
        e.target(),
        e.summary(),
        e.outcome(),
        requestId,
        clientAddress);
  }
}
