package org.mlplatform.domain.notifications;

/**
 * Where the platform sends notifications (the portal's inbox, and a webhook when one is
 * configured). Workflow steps and services depend on this port rather than on the portal.
 */
public interface NotificationSink {

  /**
   * Sends a notification as part of the caller's transaction: it is stored with the caller's work,
   * and delivered further (a webhook) only once that work has committed.
   */
  void notify(Notification notification);
}
