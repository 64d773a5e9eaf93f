/** Schema migrations: Flyway owns the schema, Hibernate only validates against it. */
package org.mlplatform.persistence.migration;
