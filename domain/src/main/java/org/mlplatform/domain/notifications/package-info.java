/**
 * Notifications: short messages the platform leaves for a user or for everyone holding a role (a
 * group), such as "your promotion was approved". A {@link
 * org.mlplatform.domain.notifications.Notification} names its {@link
 * org.mlplatform.domain.notifications.Recipient}, a dotted topic, a title, a body and an optional
 * portal route to follow. Read state belongs to each reader: a group notification read by one
 * reviewer stays unread for the others. The {@link
 * org.mlplatform.domain.notifications.NotificationStore} port keeps notifications and read marks;
 * {@link org.mlplatform.domain.notifications.NotificationSink} is what workflows send through.
 */
package org.mlplatform.domain.notifications;
