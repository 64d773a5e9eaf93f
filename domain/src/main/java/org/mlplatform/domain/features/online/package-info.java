/**
 * The online store: the latest value of every feature per entity, for lookups at serving time. The
 * port ({@link org.mlplatform.domain.features.online.OnlineStore}), the bounded in-memory cache in
 * front of it, and the pure logic that turns stored rows into Feast-shaped answers with a status
 * per value, enforcing the view's TTL when reading. The JDBC implementation lives in {@code
 * persistence}.
 */
package org.mlplatform.domain.features.online;
