package org.mlplatform.domain.models;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.mlplatform.domain.features.ResourceName;

/**
 * A registered model: the name its versions are filed under and what people need to find it.
 * Everything here is descriptive and may change; the versions are the immutable part.
 *
 * @param name follows the catalogue's naming rules, so it is safe in URLs, file names and SQL
 * @param owner the person or team answering for the model
 * @param createdAt when the model was created
 * @param updatedAt when its description, owner or tags last changed
 */
public record ModelDefinition(
    ResourceName name,
    String description,
    String owner,
    Set<String> tags,
    Instant createdAt,
    Instant updatedAt) {

  public ModelDefinition {
    Objects.requireNonNull(name, "name");
    description = Texts.optional("description", description, Texts.DESCRIPTION_MAX);
    owner = Texts.optional("owner", owner, Texts.PERSON_MAX);
    tags = Texts.tags(tags);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new model, created now. */
  public static ModelDefinition created(
      ResourceName name, String description, String owner, Set<String> tags, Instant now) {
    return new ModelDefinition(name, description, owner, tags, now, now);
  }

  /** This model with new descriptive fields; its name and creation time stay. */
  public ModelDefinition describedAs(
      String newDescription, String newOwner, Set<String> newTags, Instant now) {
    return new ModelDefinition(name, newDescription, newOwner, newTags, createdAt, now);
  }
}
