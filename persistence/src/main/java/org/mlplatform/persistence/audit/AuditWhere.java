package org.mlplatform.persistence.audit;

import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mlplatform.domain.audit.AuditFilter;

/** A filter as a JPQL where clause and its parameters. */
record AuditWhere(String jpql, Map<String, Object> parameters) {

  static AuditWhere of(AuditFilter filter) {
    AuditWhere where = new AuditWhere("", Map.of());
    if (filter.actor() != null) {
      where = where.and("a.actor = :actor", "actor", filter.actor());
    }
    if (filter.actionPrefix() != null) {
      where =
          where.and(
              "a.action like :action escape '!'",
              "action",
              escapeLike(filter.actionPrefix()) + "%");
    }
    if (filter.targetContains() != null) {
      String text = filter.targetContains().toLowerCase(Locale.ROOT);
      where =
          where.and(
              "lower(a.target) like :target escape '!'", "target", "%" + escapeLike(text) + "%");
    }
    if (filter.outcome() != null) {
      where = where.and("a.outcome = :outcome", "outcome", filter.outcome());
    }
    if (filter.from() != null) {
      where = where.and("a.occurredAt >= :from", "from", filter.from());
    }
    if (filter.to() != null) {
      where = where.and("a.occurredAt < :to", "to", filter.to());
    }
    return where;
  }

  AuditWhere and(String condition, String name, Object value) {
    Map<String, Object> all = new LinkedHashMap<>(parameters);
    all.put(name, value);
    return new AuditWhere((jpql.isEmpty() ? " where " : jpql + " and ") + condition, all);
  }

  void bind(TypedQuery<?> query) {
    parameters.forEach(query::setParameter);
  }

  /** LIKE's wildcards and the escape character itself, taken literally. */
  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
