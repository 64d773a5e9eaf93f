package org.mlplatform.portal.cluster;

import java.util.List;
import java.util.Objects;

/**
 * What one node tells the others after a commit: a kind and the names of what changed. Sent as
 * text, so the receiving member needs none of the application's classes to read it.
 *
 * @param kind what changed
 * @param names the item's names, in the kind's order (for example a model and an alias)
 */
public record ClusterMessage(Kind kind, List<String> names) {

  private static final char SEPARATOR = '\t';

  /** The kinds of change a node announces, and how many names each carries. */
  public enum Kind {
    /** Model, alias. */
    ALIAS_MOVED(2),
    /** Model whose deployment was created, changed or removed. */
    DEPLOYMENT_CHANGED(1),
    /** Catalogue kind, item name. */
    CATALOG_CHANGED(2),
    /** Online-store table whose rows were materialised. */
    ONLINE_TABLE_CHANGED(1);

    private final int names;

    Kind(int names) {
      this.names = names;
    }
  }

  public ClusterMessage {
    Objects.requireNonNull(kind, "kind");
    names = List.copyOf(names);
    if (names.size() != kind.names) {
      throw new IllegalArgumentException(kind + " carries " + kind.names + " names: " + names);
    }
    for (String name : names) {
      if (name.isEmpty() || name.indexOf(SEPARATOR) >= 0 || name.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("not a name to send: '" + name + "'");
      }
    }
  }

  public static ClusterMessage of(Kind kind, String... names) {
    return new ClusterMessage(kind, List.of(names));
  }

  public String name(int index) {
    return names.get(index);
  }

  /** The text sent on the wire. */
  public String encode() {
    return kind.name() + SEPARATOR + String.join(String.valueOf(SEPARATOR), names);
  }

  /**
   * Reads a message another node sent.
   *
   * @throws IllegalArgumentException for text that is no message of this version
   */
  public static ClusterMessage decode(String text) {
    String[] parts = text.split(String.valueOf(SEPARATOR), -1);
    Kind kind;
    try {
      kind = Kind.valueOf(parts[0]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown cluster message kind: " + parts[0], e);
    }
    return new ClusterMessage(kind, List.of(parts).subList(1, parts.length));
  }
}
