package org.mlplatform.domain.models;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The human account of one version: what it is for, where it fails, what to be careful about and
 * what data taught it. Unlike the version it describes it can be edited at any time; who last did
 * so is kept with it.
 *
 * @param updatedBy who last edited the card; empty while nobody has
 * @param updatedAt when the card was last edited; empty while nobody has
 */
public record ModelCard(
    ModelVersionId version, CardText text, String updatedBy, Optional<Instant> updatedAt) {

  public ModelCard {
    Objects.requireNonNull(version, "version");
    text = Objects.requireNonNullElse(text, CardText.empty());
    updatedBy = Texts.optional("updatedBy", updatedBy, Texts.PERSON_MAX);
    updatedAt = Objects.requireNonNullElse(updatedAt, Optional.<Instant>empty());
  }

  /** The card of a version nobody has written about yet. */
  public static ModelCard blank(ModelVersionId version) {
    return new ModelCard(version, CardText.empty(), "", Optional.empty());
  }

  /** This card with new text, edited by {@code editor} at {@code now}. */
  public ModelCard edited(CardText newText, String editor, Instant now) {
    return new ModelCard(
        version, newText, Texts.required("updatedBy", editor, Texts.PERSON_MAX), Optional.of(now));
  }

  public String intendedUse() {
    return text.intendedUse();
  }

  public String limitations() {
    return text.limitations();
  }

  public String ethicalConsiderations() {
    return text.ethicalConsiderations();
  }

  public String trainingDataSummary() {
    return text.trainingDataSummary();
  }
}
