/**
 * Long operations (ingestion, training-set builds, training, batch predictions, reindexing) as jobs
 * whose state and progress callers can follow.
 */
package org.mlplatform.domain.jobs;
