package org.mlplatform.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One catalogue item as the index sees it.
 *
 * @param id unique across types, e.g. {@code feature:txn_stats:amount_avg}
 * @param type the kind of item
 * @param name what people search for, e.g. {@code txn_stats:amount_avg} or {@code fraud v3}
 * @param description free text; may be empty
 * @param tags copied
 * @param owner nullable
 * @param aliases for models and versions ({@code champion}, ...); empty for others; copied
 * @param metrics a version's key metrics; empty for others; copied
 * @param link the portal route without a leading slash, e.g. {@code models/fraud/versions/3}
 * @param updatedAt when the item last changed
 */
public record CatalogDocument(
    String id,
    DocumentType type,
    String name,
    String description,
    List<String> tags,
    String owner,
    List<String> aliases,
    Map<String, Double> metrics,
    String link,
    Instant updatedAt) {

  public CatalogDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    tags = tags == null ? List.of() : List.copyOf(tags);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    link = link == null ? "" : link;
    updatedAt = updatedAt == null ? Instant.EPOCH : updatedAt;
  }
}
