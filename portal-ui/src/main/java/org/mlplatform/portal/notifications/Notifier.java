package org.mlplatform.portal.notifications;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.notifications.NotificationSink;
import org.mlplatform.domain.notifications.NotificationStore;
import org.mlplatform.portal.config.PlatformSettings;

/**
 * Sends notifications: stores each in the caller's transaction (so a rolled-back promotion leaves
 * no "approved" message behind) and, only after that transaction has committed, queues it for the
 * webhook when {@code MLP_WEBHOOK_URL} is set. Posting happens on the webhook's own thread; the
 * caller never waits for it, and a webhook that fails is logged, not reported back.
 */
@ApplicationScoped
public class Notifier implements NotificationSink {

  private static final Logger LOG = Logger.getLogger(Notifier.class.getName());

  @Inject private NotificationStore store;
  @Inject private Event<NotificationSaved> saved;
  @Inject private PlatformSettings settings;
  @Resource private ManagedThreadFactory threads;

  /** Decided on first use: the sender, or null when no webhook is configured (or it is invalid). */
  private WebhookSender webhook;

  private boolean webhookDecided;

  /**
   * Stores the notification in the caller's transaction (or a new one when there is none); the
   * webhook gets it after the commit. A failure to store propagates and rolls the caller back.
   *
   * @throws IllegalArgumentException for a notification carrying read state: send it unread
   */
  @Override
  @Transactional
  public void notify(Notification notification) {
    store.save(notification);
    saved.fire(new NotificationSaved(notification));
  }

  /** After the commit: queue for the webhook. Runs during the commit's completion: never throws. */
  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationSaved event) {
    try {
      WebhookSender sender = webhook();
      if (sender != null) {
        sender.offer(event.notification());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "notification " + event.notification().id() + " not queued", e);
    }
  }

  /** The webhook sender, created on first use; null when there is no (valid) webhook. */
  private synchronized WebhookSender webhook() {
    if (!webhookDecided) {
      webhookDecided = true;
      try {
        Optional<URI> url = settings.webhookUrl();
        if (url.isPresent()) {
          webhook =
              new WebhookSender(
                  WebhookSender.Settings.of(
                      url.get(),
                      settings.webhookSecret(),
                      settings.publicUrl(),
                      settings.webhookQueueCapacity()),
                  threads);
          LOG.info(
              () ->
                  "notifications go to the webhook at "
                      + url.get().getScheme()
                      + "://"
                      + url.get().getAuthority()
                      + (settings.webhookSecret().isPresent() ? ", signed" : ", unsigned"));
        }
      } catch (IllegalStateException e) {
        LOG.severe("no webhook for notifications: " + e.getMessage());
      }
    }
    return webhook;
  }

  @PreDestroy
  synchronized void stop() {
    if (webhook != null) {
      webhook.close();
      webhook = null;
    }
  }
}
