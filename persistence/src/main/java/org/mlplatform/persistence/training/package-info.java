/** Training-set snapshot descriptions on JPA: lineage, columns and statistics kept as JSON. */
package org.mlplatform.persistence.training;
