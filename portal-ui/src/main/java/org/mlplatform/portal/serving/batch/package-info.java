/**
 * Batch predictions: a model version pinned once, run over a training set's CSV or an uploaded CSV
 * as a job, with the predictions written to a CSV under {@code <data dir>/batch-predictions}.
 *
 * <p>The pure parts are small and tested without a container: {@link
 * org.mlplatform.portal.serving.batch.CsvRecords} and {@link
 * org.mlplatform.portal.serving.batch.CsvLineWriter} read and write RFC 4180 one record at a time,
 * {@link org.mlplatform.portal.serving.batch.FeatureColumns} finds the version's features in a
 * header, {@link org.mlplatform.portal.serving.batch.BatchModel} is what a run needs to know about
 * the version, {@link org.mlplatform.portal.serving.batch.PredictionColumns} turns model outputs
 * into the result's cells, and {@link org.mlplatform.portal.serving.batch.BatchRun} streams the
 * input in chunks through a {@link org.mlplatform.portal.serving.batch.Scorer}, never holding more
 * than one chunk, so a million rows take the memory of a thousand. {@link
 * org.mlplatform.portal.serving.batch.BatchPredictions} wires them to the registry, the job runner
 * and the files ({@link org.mlplatform.portal.serving.batch.BatchFiles}); the job record is the
 * only state besides the files, so no table of its own is needed.
 */
package org.mlplatform.portal.serving.batch;
