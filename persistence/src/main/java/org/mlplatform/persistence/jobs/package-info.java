/** Jobs in the database, so that progress is visible to every caller and node. */
package org.mlplatform.persistence.jobs;
