package org.mlplatform.portal.serving.batch;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.io.CountingInputStream;
import org.mlplatform.domain.models.ElementType;
import org.mlplatform.serving.inference.InputTensor;
import org.mlplatform.serving.inference.OutputTensor;
import org.mlplatform.serving.inference.TensorData;

/**
 * One batch run: reads the input CSV record by record, fills a chunk of rows, runs the chunk
 * through the model as one tensor and writes the chunk's result rows, then reuses the chunk. Memory
 * is one chunk whatever the input's size.
 *
 * <p>Each result row is the input row's other columns (everything that does not feed the model),
 * the prediction columns, and {@code imputed}: the features imputed in that row, {@code
 * ;}-separated as {@code view:feature}. A missing value (empty, or not a finite number, as in
 * training) is imputed when the version stores a value for it; otherwise the run fails, naming the
 * row and the feature.
 */
final class BatchRun {

  /** Rows per model run: large enough that a run costs little per row, small enough to hold. */
  static final int CHUNK_ROWS = 1024;

  static final String IMPUTED = "imputed";

  /** What a run did. */
  record Outcome(long rows, long rowsWithImputation) {}

  /** Told, after each chunk, the fraction of the input read and the rows written so far. */
  interface Progress {
    void report(double fraction, long rows);
  }

  private final BatchModel model;
  private final Scorer scorer;
  private final int chunkRows;
  private final PredictionColumns predictions;

  BatchRun(BatchModel model, Scorer scorer, int chunkRows) {
    if (chunkRows < 1) {
      throw new IllegalArgumentException("a chunk holds at least one row");
    }
    this.model = model;
    this.scorer = scorer;
    this.chunkRows = chunkRows;
    this.predictions = new PredictionColumns(model);
  }

  /**
   * Finds the model's features in a CSV header, so that a request can be refused before any job
   * starts.
   *
   * @throws DomainValidationException naming {@code field} when a feature has no column
   */
  static FeatureColumns columns(BatchModel model, List<String> header, String field) {
    FeatureColumns columns = FeatureColumns.locate(header, model.features(), field);
    List<String> result = resultHeader(model, columns);
    for (String name : columns.passThroughNames()) {
      if (result.indexOf(name) != result.lastIndexOf(name)) {
        throw new DomainValidationException(
            field,
            "the CSV already has a column "
                + name
                + ", which the result adds; rename it in the input");
      }
    }
    return columns;
  }

  /** The result's header: the copied columns, the prediction columns, {@code imputed}. */
  static List<String> resultHeader(BatchModel model, FeatureColumns columns) {
    List<String> header = new ArrayList<>(columns.passThroughNames());
    header.addAll(new PredictionColumns(model).header());
    header.add(IMPUTED);
    return header;
  }

  /**
   * Runs the model over {@code csv} and writes the result to {@code out}.
   *
   * @param size the input's size in bytes, for progress
   * @param progress told the fraction of the input read, after each chunk
   * @throws DomainValidationException naming {@code field} for a row the model cannot take: the
   *     message says which row (1 is the first after the header) and why
   * @throws InterruptedException when the job's thread is interrupted (checked between chunks)
   */
  Outcome run(InputStream csv, long size, Writer out, String field, Progress progress)
      throws IOException, InterruptedException {
    return run(csv, size, out, field, progress, Long.MAX_VALUE);
  }

  /**
   * As {@link #run(InputStream, long, Writer, String, Progress)}, stopping after {@code maxRows}.
   */
  Outcome run(InputStream csv, long size, Writer out, String field, Progress progress, long maxRows)
      throws IOException, InterruptedException {
    CountingInputStream counted = new CountingInputStream(csv);
    CsvRecords records = new CsvRecords(new InputStreamReader(counted, StandardCharsets.UTF_8));
    FeatureColumns columns = columns(model, records.next(), field);
    CsvLineWriter line = new CsvLineWriter(out);
    for (String name : resultHeader(model, columns)) {
      line.field(name);
    }
    line.endLine();
    Chunk chunk = new Chunk(columns);
    long rows = 0;
    long imputedRows = 0;
    List<String> record;
    while (rows < maxRows && (record = records.next()) != null) {
      rows++;
      if (chunk.add(record, rows, field)) {
        imputedRows++;
      }
      if (chunk.size == chunkRows) {
        flush(chunk, line);
        progress.report(size <= 0 ? 0 : Math.min(1, (double) counted.count() / size), rows);
        if (Thread.interrupted()) {
          throw new InterruptedException(
              "the batch prediction was cancelled after " + rows + " rows");
        }
      }
    }
    if (chunk.size > 0) {
      flush(chunk, line);
    }
    progress.report(1, rows);
    return new Outcome(rows, imputedRows);
  }

  private void flush(Chunk chunk, CsvLineWriter line) throws IOException {
    List<OutputTensor> outputs;
    try {
      outputs = scorer.score(chunk.tensor());
    } catch (DomainValidationException e) {
      throw e;
    } catch (OrtException | RuntimeException e) {
      // Named by its rows: the job's error is what the caller reads, and it is about their data.
      throw new IllegalArgumentException(
          "the model failed on rows "
              + chunk.firstRow
              + " to "
              + (chunk.firstRow + chunk.size - 1)
              + ": "
              + e.getMessage(),
          e);
    }
    PredictionColumns.Chunk predicted = predictions.read(outputs, chunk.size);
    for (int r = 0; r < chunk.size; r++) {
      for (String value : chunk.passThrough[r]) {
        line.field(value);
      }
      predicted.write(r, line);
      line.field(chunk.imputed[r]);
      line.endLine();
    }
    chunk.clear();
  }

  /** Up to {@link #chunkRows} rows: their copied cells, feature values and imputed features. */
  private final class Chunk {
    private final FeatureColumns columns;
    private final int width = model.features().size();
    private final String[][] passThrough = new String[chunkRows][];
    private final double[] values = new double[chunkRows * width];
    private final String[] imputed = new String[chunkRows];
    private final StringBuilder imputedText = new StringBuilder();
    private int size;
    private long firstRow;

    Chunk(FeatureColumns columns) {
      this.columns = columns;
    }

    /** Adds data row {@code row}; true when a value was imputed in it. */
    boolean add(List<String> record, long row, String field) {
      if (record.size() != columns.header().size()) {
        throw new DomainValidationException(
            field,
            "row "
                + row
                + " has "
                + record.size()
                + " fields but the header has "
                + columns.header().size());
      }
      if (size == 0) {
        firstRow = row;
      }
      int[] copied = columns.passThrough();
      String[] cells = new String[copied.length];
      for (int i = 0; i < copied.length; i++) {
        cells[i] = record.get(copied[i]);
      }
      passThrough[size] = cells;
      imputedText.setLength(0);
      int[] featureAt = columns.featureAt();
      for (int f = 0; f < width; f++) {
        String cell = record.get(featureAt[f]);
        double value = number(cell, row, f, field);
        if (!Double.isFinite(value)) {
          if (!model.imputes(f)) {
            throw new DomainValidationException(
                field,
                "row "
                    + row
                    + " has no value for feature "
                    + model.features().get(f)
                    + (cell == null || cell.isBlank() ? "" : " ('" + cell + "')")
                    + " and version "
                    + model.id()
                    + " stores no value to impute for it");
          }
          value = model.imputation(f);
          imputedText
              .append(imputedText.isEmpty() ? "" : ";")
              .append(FeatureColumns.reference(model.features().get(f)));
        }
        values[size * width + f] = value;
      }
      imputed[size] = imputedText.isEmpty() ? null : imputedText.toString();
      size++;
      return imputed[size - 1] != null;
    }

    /** NaN for a missing value; as in training, NaN and infinities count as missing. */
    private double number(String cell, long row, int f, String field) {
      if (cell == null || cell.isBlank()) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(cell.strip());
      } catch (NumberFormatException e) {
        throw new DomainValidationException(
            field,
            "row "
                + row
                + " holds '"
                + (cell.length() > 40 ? cell.substring(0, 40) + "..." : cell)
                + "' for feature "
                + model.features().get(f)
                + ", not a number");
      }
    }

    InputTensor tensor() {
      long[] shape = {size, width};
      int count = size * width;
      if (model.inputType() == ElementType.FP64) {
        double[] doubles = Arrays.copyOf(values, count);
        return new InputTensor(
            model.input(), ElementType.FP64, shape, TensorData.ofDoubles(doubles));
      }
      float[] floats = new float[count];
      for (int i = 0; i < count; i++) {
        floats[i] = (float) values[i];
      }
      return new InputTensor(model.input(), ElementType.FP32, shape, TensorData.ofFloats(floats));
    }

    void clear() {
      Arrays.fill(passThrough, 0, size, null);
      size = 0;
    }
  }
}
