/** Feature-store definitions in the database: entities and versioned feature views, on JPA. */
package org.mlplatform.persistence.features;
