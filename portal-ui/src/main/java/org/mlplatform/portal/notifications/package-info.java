/**
 * Sending and reading notifications. {@link org.mlplatform.portal.notifications.Notifier} stores a
 * notification in the caller's transaction and, once that has committed, hands it to the {@link
 * org.mlplatform.portal.notifications.WebhookSender} when a webhook is configured ({@code
 * MLP_WEBHOOK_URL}, optionally signed with {@code MLP_WEBHOOK_SECRET}). {@link
 * org.mlplatform.portal.notifications.NotificationInbox} is what the REST API and the portal read
 * and mark read through, for the signed-in user and their roles.
 */
package org.mlplatform.portal.notifications;
