package org.mlplatform.domain.features.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureDefinition;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.JoinKey;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.mlplatform.domain.features.offline.OfflineTable;

/** Uploads become typed rows or row-numbered problems, never a partial result. */
class FeatureRowParserTest {

  private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");

  private static final OfflineTable TABLE =
      new OfflineTable(
          new ResourceName("txn_stats"),
          1,
          List.of(new JoinKey(new ResourceName("customer_id"), FeatureType.INT64)),
          List.of(
              feature("amount", FeatureType.FLOAT64),
              feature("note", FeatureType.STRING),
              feature("active", FeatureType.BOOL),
              feature("visits", FeatureType.INT32)));

  private static FeatureDefinition feature(String name, FeatureType type) {
    return new FeatureDefinition(new ResourceName(name), type, "");
  }

  private static FeatureRow row(long customer, Instant at, Object... values) {
    return new FeatureRow(EntityKey.of(customer), at, values);
  }

  private static List<FeatureRow> readAll(Iterator<FeatureRow> parser) {
    List<FeatureRow> rows = new ArrayList<>();
    parser.forEachRemaining(rows::add);
    return rows;
  }

  private static FeatureRowParser csv(String text) {
    return FeatureRowParser.fromCsv(TABLE, new StringReader(text));
  }

  private static Map<String, Object> map(Object... nameValuePairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      map.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return map;
  }

  private static RowsRejectedException rejection(FeatureRowParser parser) {
    return (RowsRejectedException)
        org.assertj.core.api.Assertions.catchThrowable(() -> readAll(parser));
  }

  @Test
  void csvBecomesTypedRowsThroughQuotesCrlfAndBom() {
    String text =
        "\uFEFFcustomer_id,event_timestamp,amount,note,active,visits\r\n"
            + "1,2026-01-01T10:00:00Z,12.5,\"a, b\",true,3\r\n"
            + "2,2026-01-01T11:00:00+01:00,-1e3,\"say \"\"hi\"\"\",FALSE,0\r\n"
            + "3,2026-01-01T10:00:00Z,,\"two\r\nlines\",,\r\n";

    assertThat(readAll(csv(text)))
        .containsExactly(
            row(1, T1, 12.5, "a, b", true, 3),
            row(2, T1, -1000.0, "say \"hi\"", false, 0),
            row(3, T1, null, "two\r\nlines", null, null));
  }

  @Test
  void csvColumnsComeInAnyOrderAndMissingFeaturesAreNull() {
    String text = "amount,event_timestamp,customer_id\n7,2026-01-01T10:00:00Z,5\n\n";

    assertThat(readAll(csv(text))).containsExactly(row(5, T1, 7.0, null, null, null));
  }

  @Test
  void aQuotedEmptyFieldIsEmptyTextButNoValueForOtherTypes() {
    String text = "customer_id,event_timestamp,note,amount\n1,2026-01-01T10:00:00Z,\"\",\"\"\n";

    assertThat(readAll(csv(text))).containsExactly(row(1, T1, null, "", null, null));
  }

  @Test
  void aRaggedRowIsAProblemWithItsRowNumberAndNothingIsHandedOutAfterIt() {
    FeatureRowParser parser =
        csv(
            "customer_id,event_timestamp,amount\n"
                + "1,2026-01-01T10:00:00Z,1\n"
                + "\n" // blank lines are not counted
                + "2,2026-01-01T10:00:00Z\n"
                + "3,2026-01-01T10:00:00Z,3\n");

    assertThat(parser.next()).isEqualTo(row(1, T1, 1.0, null, null, null));
    assertThatThrownBy(parser::hasNext)
        .isInstanceOf(RowsRejectedException.class)
        .hasMessageContaining("row 2: expected 3 fields as in the header, got 2");
    assertThat(parser.rowsRead()).isEqualTo(3);
  }

  @Test
  void wrongTypesAndMissingKeysAreReportedPerRowAndColumn() {
    RowsRejectedException e =
        rejection(
            csv(
                "customer_id,event_timestamp,amount,active,visits\n"
                    + "1,2026-01-01T10:00:00Z,abc,yes,1\n"
                    + ",2026-01-01T10:00:00,1,true,99999999999\n"
                    + "1.5,0000-12-31T23:59:59Z,,,\n"));

    assertThat(e.problems())
        .containsExactly(
            new RowProblem(1, "amount", "expected FLOAT64, got 'abc'"),
            new RowProblem(1, "active", "expected BOOL, got 'yes'"),
            new RowProblem(2, "customer_id", "missing join key"),
            new RowProblem(2, "event_timestamp", "expected TIMESTAMP, got '2026-01-01T10:00:00'"),
            new RowProblem(2, "visits", "expected INT32, got '99999999999'"),
            new RowProblem(3, "customer_id", "expected INT64, got '1.5'"),
            new RowProblem(
                3,
                "event_timestamp",
                "timestamp outside the years 0001 to 9999: 0000-12-31T23:59:59Z"));
    assertThat(e.truncated()).isFalse();
    assertThat(e.field()).isEqualTo("rows");
  }

  @Test
  void headerProblemsAreRowZeroAndStopReading() {
    FeatureRowParser parser = csv("customer_id,amount,colour,amount\n1,2,red,3\n");

    assertThat(parser.validateAll())
        .containsExactly(
            new RowProblem(
                0,
                "colour",
                "unknown column; expected customer_id, event_timestamp, amount, note, active,"
                    + " visits"),
            new RowProblem(0, "amount", "column appears twice in the header"),
            new RowProblem(0, "event_timestamp", "required column missing from the header"));
    assertThat(parser.rowsRead()).isZero();
  }

  @Test
  void emptyOrMalformedCsvIsAProblemNotAnException() {
    assertThat(csv("").validateAll())
        .containsExactly(new RowProblem(0, null, "the CSV has no header row"));
    assertThat(csv("customer_id,event_timestamp\n1,2026-01-01T10:00:00Z\n2,\"open").validateAll())
        .containsExactly(
            new RowProblem(2, null, "a quoted field is not closed before the end of the input"));
  }

  @Test
  void problemsAreCappedAndReadingStopsAtTheCap() {
    StringBuilder text = new StringBuilder("customer_id,event_timestamp\n");
    IntStream.range(0, 1000).forEach(i -> text.append("x,2026-01-01T10:00:00Z\n"));
    FeatureRowParser parser = FeatureRowParser.fromCsv(TABLE, new StringReader(text.toString()), 5);

    RowsRejectedException e = rejection(parser);

    assertThat(e.problems()).extracting(RowProblem::rowNumber).containsExactly(1, 2, 3, 4, 5);
    assertThat(e.truncated()).isTrue();
    assertThat(e.getMessage()).startsWith("the rows were rejected, more than 5 problem(s)");
    assertThat(parser.rowsRead()).isEqualTo(6);
  }

  @Test
  void csvStreamsRowsWithoutReadingTheWholeInputFirst() {
    int total = 200_000;
    CountingReader input = new CountingReader(total);
    FeatureRowParser parser = FeatureRowParser.fromCsv(TABLE, input);

    assertThat(parser.next().key()).isEqualTo(EntityKey.of(0L));
    assertThat(input.rowsProduced).isLessThan(total / 10);
    long count = 1;
    while (parser.hasNext()) {
      parser.next();
      count++;
    }
    assertThat(count).isEqualTo(total);
  }

  @Test
  void mapsWithJsonValuesBecomeTypedRows() {
    List<Map<String, Object>> rows =
        List.of(
            map(
                "customer_id",
                new BigDecimal("1"),
                "event_timestamp",
                "2026-01-01T10:00:00Z",
                "amount",
                new BigDecimal("12.5"),
                "note",
                "n",
                "active",
                true,
                "visits",
                3L),
            map("customer_id", 2, "event_timestamp", "2026-01-01T10:00:00Z", "amount", null));

    assertThat(readAll(FeatureRowParser.fromMaps(TABLE, rows.iterator())))
        .containsExactly(row(1, T1, 12.5, "n", true, 3), row(2, T1, null, null, null, null));
  }

  @Test
  void mapsWithWrongTypesUnknownColumnsOrMissingKeysAreRejected() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(map("customer_id", 1, "event_timestamp", "2026-01-01T10:00:00Z", "amount", "12"));
    rows.add(map("customer_id", 12.5, "event_timestamp", "2026-01-01T10:00:00Z", "size", 1));
    rows.add(map("amount", 1.0));
    rows.add(null);
    rows.add(map("customer_id", 1, "event_timestamp", "2026-01-01T10:00:00Z", "note", 7));

    FeatureRowParser parser = FeatureRowParser.fromMaps(TABLE, rows.iterator());
    assertThat(parser.next()).isEqualTo(row(1, T1, 12.0, null, null, null));
    RowsRejectedException e = rejection(parser);

    assertThat(e.problems())
        .extracting(RowProblem::toString)
        .containsExactly(
            "row 2, column size: unknown column; expected customer_id, event_timestamp, amount,"
                + " note, active, visits",
            "row 2, column customer_id: expected INT64, got '12.5'",
            "row 3, column customer_id: missing join key",
            "row 3, column event_timestamp: missing event timestamp",
            "row 4: expected an object with the row's columns",
            "row 5, column note: expected STRING, got '7'");
  }

  @Test
  void textWithANulCharacterIsRefusedBecauseDatabasesCannotStoreIt() {
    List<Map<String, Object>> rows =
        List.of(map("customer_id", 1, "event_timestamp", "2026-01-01T10:00:00Z", "note", "a\0b"));

    assertThat(FeatureRowParser.fromMaps(TABLE, rows.iterator()).validateAll())
        .containsExactly(new RowProblem(1, "note", "text must not contain the NUL character"));
  }

  @Test
  void aValidUploadValidatesClean() {
    List<Map<String, Object>> rows =
        List.of(map("customer_id", 1, "event_timestamp", "2026-01-01T10:00:00Z"));

    FeatureRowParser parser = FeatureRowParser.fromMaps(TABLE, rows.iterator(), 1);
    assertThat(parser.validateAll()).isEmpty();
    assertThat(parser.rowsRead()).isEqualTo(1);
  }

  /** Generates CSV rows on demand, counting how many the parser has pulled. */
  private static final class CountingReader extends Reader {
    private final int total;
    private int rowsProduced = -1; // the header comes first
    private String pending = "";
    private int offset;

    CountingReader(int total) {
      this.total = total;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (offset == pending.length()) {
        if (rowsProduced == total) {
          return -1;
        }
        pending =
            rowsProduced < 0
                ? "customer_id,event_timestamp,amount\n"
                : rowsProduced + ",2026-01-01T10:00:00Z," + rowsProduced + ".5\n";
        rowsProduced++;
        offset = 0;
      }
      int n = Math.min(len, pending.length() - offset);
      pending.getChars(offset, offset + n, buf, off);
      offset += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
