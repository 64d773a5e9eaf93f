/** The audit trail in the database: the append-only table and its JPA repository. */
package org.mlplatform.persistence.audit;
