/**
 * Storage of the platform's state: Hibernate ORM mappings and repositories implementing the
 * domain's ports, and the Flyway migrations that own the schema on H2 and PostgreSQL.
 */
package org.mlplatform.persistence;
