package org.mlplatform.domain.notifications;

import java.util.Locale;
import org.mlplatform.domain.DomainValidationException;

/**
 * Who a notification is for: one user by user name, or a group, which is everyone holding the role
 * of that name (the same names workflow tasks use as candidate groups, such as {@code reviewer}).
 */
public record Recipient(Kind kind, String name) {

  /** A single user, or everyone in a group. Stored by name. */
  public enum Kind {
    USER,
    GROUP;

    /** The lower-case name used in JSON ({@code user}, {@code group}). */
    public String externalName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Recipient {
    if (kind == null) {
      throw new DomainValidationException("recipient.kind", "recipient.kind is user or group");
    }
    name = NotificationTexts.line("recipient.name", name, NotificationTexts.NAME_MAX);
  }

  public static Recipient user(String username) {
    return new Recipient(Kind.USER, username);
  }

  public static Recipient group(String group) {
    return new Recipient(Kind.GROUP, group);
  }

  public boolean isUser() {
    return kind == Kind.USER;
  }

  @Override
  public String toString() {
    return kind.externalName() + ":" + name;
  }
}
