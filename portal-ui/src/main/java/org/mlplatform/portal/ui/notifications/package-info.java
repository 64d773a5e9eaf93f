/**
 * The notifications page: the user's and their roles' notifications, unread ones in bold, with a
 * link to the page each is about; and the event that keeps the header's unread badge current.
 */
package org.mlplatform.portal.ui.notifications;
