/**
 * Test support: throw-away H2 and PostgreSQL databases ({@link
 * org.mlplatform.persistence.TestDatabase}), migrated with registered models ({@link
 * org.mlplatform.persistence.MigratedDatabase}), and a stand-in for the container's transaction
 * ({@link org.mlplatform.persistence.CallersTransaction}).
 */
package org.mlplatform.persistence;
