/**
 * Notifications in the database: one row per notification (written once), and one row per reader
 * who has read it, so read state is each reader's own. Marking read is one idempotent statement per
 * database ({@code ON CONFLICT DO NOTHING} on PostgreSQL, {@code MERGE} on H2).
 */
package org.mlplatform.persistence.notifications;
