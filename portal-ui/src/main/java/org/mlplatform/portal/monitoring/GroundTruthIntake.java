package org.mlplatform.portal.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.monitoring.feedback.FeedbackStore;
import org.mlplatform.domain.monitoring.feedback.GroundTruth;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.models.ModelStore;

/**
 * Ground truth for logged predictions, checked item by item before anything is stored: a batch with
 * one bad item is refused whole, naming the item, and a batch that is stored is stored whole.
 * Truths for predictions not (yet) in the log are kept: the log is written asynchronously, and they
 * join their prediction once it lands.
 */
@ApplicationScoped
public class GroundTruthIntake {

  /** The most truths one call may carry. */
  public static final int MAX_ITEMS = 10_000;

  /** One truth as the caller sent it; exactly one of label and value. */
  public record Item(String predictionId, Integer row, String label, Double value) {}

  /**
   * @param received truths in the call
   * @param added prediction rows that had no truth before
   * @param matched distinct predictions of the call found in the model's log
   */
  public record Receipt(int received, int added, long matched) {}

  @Inject private FeedbackStore store;
  @Inject private ModelStore models;
  @Inject private AuditRecorder audit;

  private final Clock clock = Clock.systemUTC();

  /**
   * @throws DomainValidationException naming {@code feedback[i].field} for a bad item, or {@code
   *     feedback} for an empty or oversized batch
   */
  public Receipt receive(ResourceName model, List<Item> items, PlatformUser actor, Origin origin) {
    models.model(model); // 404 for an unknown model
    if (items == null || items.isEmpty()) {
      throw new DomainValidationException("feedback", "send at least one truth");
    }
    if (items.size() > MAX_ITEMS) {
      throw new DomainValidationException(
          "feedback", items.size() + " truths in one call; at most " + MAX_ITEMS + " allowed");
    }
    Instant now = clock.instant();
    List<GroundTruth> truths = new ArrayList<>(items.size());
    List<UUID> ids = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      GroundTruth truth = truth(model, items.get(i), "feedback[" + i + "]", actor, now);
      truths.add(truth);
      ids.add(truth.predictionId());
    }
    int added = store.record(truths);
    long matched = store.matched(model.value(), ids);
    audit.record(
        actor,
        "model.feedback",
        "model:" + model,
        truths.size() + " truths, " + added + " new, " + matched + " matched in the log",
        Outcome.SUCCESS,
        origin);
    return new Receipt(truths.size(), added, matched);
  }

  private static GroundTruth truth(
      ResourceName model, Item item, String field, PlatformUser actor, Instant now) {
    if (item == null) {
      throw new DomainValidationException(field, "a truth is an object, not null");
    }
    UUID id;
    try {
      id = UUID.fromString(String.valueOf(item.predictionId()));
    } catch (IllegalArgumentException e) {
      throw new DomainValidationException(
          field + ".predictionId", "predictionId must be a prediction's id (a UUID)");
    }
    int row = item.row() == null ? 0 : item.row();
    if ((item.label() == null) == (item.value() == null)) {
      throw new DomainValidationException(
          field + ".label", "give a label (a class) or a value (a number), exactly one");
    }
    try {
      return item.label() != null
          ? GroundTruth.label(id, row, model.value(), item.label(), actor.username(), now)
          : GroundTruth.value(id, row, model.value(), item.value(), actor.username(), now);
    } catch (DomainValidationException e) {
      throw new DomainValidationException(field + "." + e.field(), e.getMessage());
    }
  }
}
