package org.mlplatform.persistence.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.OptionalInt;
import org.hibernate.annotations.Immutable;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.AliasMove;
import org.mlplatform.domain.models.AliasName;

/** Row of the append-only {@code ml_alias_move}. */
@Entity
@Immutable
@Table(name = "ml_alias_move")
class AliasMoveRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "model_name", nullable = false)
  private String modelName;

  @Column(nullable = false)
  private String alias;

  @Column(name = "from_version")
  private Integer fromVersion;

  @Column(name = "to_version")
  private Integer toVersion;

  @Column(name = "moved_by", nullable = false)
  private String movedBy;

  @Column(name = "moved_at", nullable = false)
  private Instant movedAt;

  @Column(nullable = false)
  private String reason;

  protected AliasMoveRecord() {}

  static AliasMoveRecord from(AliasMove move) {
    AliasMoveRecord r = new AliasMoveRecord();
    r.modelName = move.model().value();
    r.alias = move.alias().value();
    r.fromVersion = boxed(move.fromVersion());
    r.toVersion = boxed(move.toVersion());
    r.movedBy = move.movedBy();
    r.movedAt = move.movedAt();
    r.reason = move.reason();
    return r;
  }

  AliasMove toMove() {
    return new AliasMove(
        new ResourceName(modelName),
        new AliasName(alias),
        optional(fromVersion),
        optional(toVersion),
        movedBy,
        movedAt,
        reason);
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }
}
