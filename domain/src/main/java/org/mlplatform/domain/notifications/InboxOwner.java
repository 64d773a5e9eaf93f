package org.mlplatform.domain.notifications;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Someone reading notifications: their user name and the groups (roles) they belong to. They see
 * what is addressed to them by name and what is addressed to any of their groups.
 */
public record InboxOwner(String username, Set<String> groups) {

  public InboxOwner {
    username = NotificationTexts.line("username", username, NotificationTexts.NAME_MAX);
    TreeSet<String> copy = new TreeSet<>();
    for (String group : groups == null ? Set.<String>of() : groups) {
      copy.add(NotificationTexts.line("groups", group, NotificationTexts.NAME_MAX));
    }
    groups = Set.copyOf(copy);
  }

  public static InboxOwner of(String username, Collection<String> groups) {
    return new InboxOwner(username, groups == null ? Set.of() : Set.copyOf(groups));
  }

  /** Whether a notification for this recipient reaches this reader. */
  public boolean sees(Recipient recipient) {
    return switch (recipient.kind()) {
      case USER -> recipient.name().equals(username);
      case GROUP -> groups.contains(recipient.name());
    };
  }
}
