package org.mlplatform.portal.notifications;

import org.mlplatform.domain.notifications.Notification;

/** A notification was stored; observers that reach outside wait until the store has committed. */
public record NotificationSaved(Notification notification) {}
