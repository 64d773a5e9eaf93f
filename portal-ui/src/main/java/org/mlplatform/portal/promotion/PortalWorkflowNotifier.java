package org.mlplatform.portal.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.notifications.NotificationSink;
import org.mlplatform.domain.notifications.Recipient;
import org.mlplatform.workflows.promotion.WorkflowNotifier;

/**
 * Process notifications into the portal's inbox, in the step's transaction, and to the webhook once
 * it commits.
 */
@ApplicationScoped
public class PortalWorkflowNotifier implements WorkflowNotifier {

  @Inject private NotificationSink sink;

  @Override
  public void toUser(String user, String kind, String title, String body, String link) {
    sink.notify(
        Notification.create(Recipient.user(user), kind, title, clip(body), link, Instant.now()));
  }

  @Override
  public void toGroup(String group, String kind, String title, String body, String link) {
    sink.notify(
        Notification.create(Recipient.group(group), kind, title, clip(body), link, Instant.now()));
  }

  /** Bodies quote check results and comments, which may exceed what a notification holds. */
  private static String clip(String body) {
    String text = body == null ? "" : body;
    return text.length() <= 4_000 ? text : text.substring(0, 3_999) + "…";
  }
}
