/** Test support: throw-away H2 and PostgreSQL databases. */
package org.mlplatform.persistence;
