package org.mlplatform.domain.features.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 corner cases, read one record at a time. */
class CsvRecordReaderTest {

  private static List<List<String>> readAll(String csv) throws Exception {
    return readAll(new StringReader(csv), 1000);
  }

  private static List<List<String>> readAll(Reader csv, int maxChars) throws Exception {
    CsvRecordReader reader = new CsvRecordReader(csv, maxChars);
    List<List<String>> records = new ArrayList<>();
    for (List<String> r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }

  private static List<String> row(String... fields) {
    return Arrays.asList(fields);
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() throws Exception {
    assertThat(readAll("a,\"b,c\",\"say \"\"hi\"\"\",\"two\r\nlines\nhere\"\n"))
        .containsExactly(row("a", "b,c", "say \"hi\"", "two\r\nlines\nhere"));
  }

  @Test
  void crlfLfAndCrAllEndRecordsAndTheLastLineBreakIsOptional() throws Exception {
    assertThat(readAll("a,b\r\nc,d\ne,f\rg,h"))
        .containsExactly(row("a", "b"), row("c", "d"), row("e", "f"), row("g", "h"));
  }

  @Test
  void aByteOrderMarkAtTheStartIsIgnored() throws Exception {
    assertThat(readAll("\uFEFFid,x\n1,2\n")).containsExactly(row("id", "x"), row("1", "2"));
  }

  @Test
  void anUnquotedEmptyFieldIsNullAQuotedOneIsEmptyText() throws Exception {
    assertThat(readAll(",\"\",x,\n")).containsExactly(row(null, "", "x", null));
  }

  @Test
  void blankLinesComeBackAsEmptyRecords() throws Exception {
    assertThat(readAll("a\n\r\n\nb\n")).containsExactly(row("a"), List.of(), List.of(), row("b"));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsKeptAsText() throws Exception {
    assertThat(readAll("5\" disk,x\n")).containsExactly(row("5\" disk", "x"));
  }

  @Test
  void anUnclosedQuoteIsMalformed() {
    assertThatThrownBy(() -> readAll("a,\"open\nmore"))
        .isInstanceOf(CsvRecordReader.MalformedCsvException.class)
        .hasMessageContaining("not closed");
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() {
    assertThatThrownBy(() -> readAll("\"a\"b,c\n"))
        .isInstanceOf(CsvRecordReader.MalformedCsvException.class)
        .hasMessageContaining("after a closing quote");
  }

  @Test
  void anOverlongRecordIsRefusedBeforeItFillsMemory() {
    assertThatThrownBy(() -> readAll(new StringReader("\"" + "x".repeat(50)), 20))
        .isInstanceOf(CsvRecordReader.MalformedCsvException.class)
        .hasMessageContaining("longer than 20");
  }

  @Test
  void readsAcrossBufferBoundariesAndShortReads() throws Exception {
    String big = "y".repeat(40_000);
    Reader trickle =
        new Reader() {
          private final StringReader delegate = new StringReader("\"" + big + "\"\r\nz\r\n");

          @Override
          public int read(char[] buf, int off, int len) throws IOException {
            return delegate.read(buf, off, Math.min(len, 7)); // like a slow network stream
          }

          @Override
          public void close() {}
        };

    assertThat(readAll(trickle, 100_000)).containsExactly(row(big), row("z"));
  }

  @Test
  void unquotedFieldsAcrossBufferBoundariesComeBackWhole() throws Exception {
    // Fields of every length up to past the 16 K buffer, so that some end exactly on its edge.
    StringBuilder csv = new StringBuilder();
    List<List<String>> expected = new ArrayList<>();
    for (int length = 1; length < 200; length++) {
      String a = "a".repeat(length);
      String b = "b".repeat(length * 97 % 211);
      csv.append(a).append(',').append(b).append(",,").append(length).append("\r\n");
      expected.add(row(a, b.isEmpty() ? null : b, null, Integer.toString(length)));
    }
    String longField = "z".repeat(40_000);
    csv.append(longField).append(",\"q\"\n").append("tail");
    expected.add(row(longField, "q"));
    expected.add(row("tail"));

    assertThat(readAll(new StringReader(csv.toString()), 100_000))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void anOverlongUnquotedRecordIsRefusedWithinTheBufferAndAcrossIt() {
    assertThatThrownBy(() -> readAll(new StringReader("x".repeat(21) + ",y\n"), 20))
        .isInstanceOf(CsvRecordReader.MalformedCsvException.class)
        .hasMessageContaining("longer than 20");
    assertThatThrownBy(() -> readAll(new StringReader("12345,67890," + "x".repeat(30)), 20))
        .isInstanceOf(CsvRecordReader.MalformedCsvException.class)
        .hasMessageContaining("longer than 20");
    assertThatThrownBy(() -> readAll(new StringReader("y".repeat(50_000)), 40_000))
        .isInstanceOf(CsvRecordReader.MalformedCsvException.class)
        .hasMessageContaining("longer than 40000");
  }
}
