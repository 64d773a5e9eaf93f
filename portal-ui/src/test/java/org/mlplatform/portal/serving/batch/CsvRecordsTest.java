package org.mlplatform.portal.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

class CsvRecordsTest {

  @Test
  void readsQuotedFieldsAndTellsNoValueFromEmptyText() throws IOException {
    CsvRecords records =
        new CsvRecords(new StringReader("\uFEFFa,b,c\r\n1,,\"\"\n\"x,\"\"y\"\"\nz\",2,\r\n"));

    assertThat(records.next()).containsExactly("a", "b", "c");
    assertThat(records.next()).containsExactly("1", null, "");
    assertThat(records.next()).containsExactly("x,\"y\"\nz", "2", null);
    assertThat(records.next()).isNull();
    assertThat(records.records()).isEqualTo(3);
  }

  @Test
  void skipsBlankLinesAndReadsALastLineWithoutBreak() throws IOException {
    CsvRecords records = new CsvRecords(new StringReader("\n\na\r\n\r\n\rb,c"));

    assertThat(records.next()).containsExactly("a");
    assertThat(records.next()).containsExactly("b", "c");
    assertThat(records.next()).isNull();
  }

  @Test
  void readsFieldsLongerThanItsBuffer() throws IOException {
    String longText = "x".repeat(40_000);
    CsvRecords records = new CsvRecords(new StringReader(longText + ",\"" + longText + "\"\n"));

    assertThat(records.next()).containsExactly(longText, longText);
  }

  @Test
  void refusesAnUnclosedQuoteAndAnOverlongRecord() {
    CsvRecords unclosed = new CsvRecords(new StringReader("a\n\"open,1\n"));
    assertThatThrownBy(
            () -> {
              unclosed.next();
              unclosed.next();
            })
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining("record 2")
        .hasMessageContaining("not closed");
    assertThatThrownBy(() -> new CsvRecords(new StringReader("abcdef\n"), 5).next())
        .hasMessageContaining("longer than 5");
    assertThatThrownBy(() -> new CsvRecords(new StringReader("\"a\"b\n")).next())
        .hasMessageContaining("after a closing quote");
  }

  @Test
  void whatTheWriterWritesReadsBackTheSame() throws IOException {
    List<String[]> rows =
        List.of(
            new String[] {"plain", null, "", "with,comma"},
            new String[] {"a \"quote\"", "line\nbreak", "cr\rhere", "1.5"});
    StringWriter text = new StringWriter();
    CsvLineWriter writer = new CsvLineWriter(text);
    for (String[] row : rows) {
      for (String cell : row) {
        writer.field(cell);
      }
      writer.endLine();
    }
    assertThat(text.toString()).startsWith("plain,,\"\",\"with,comma\"\n");

    CsvRecords records = new CsvRecords(new StringReader(text.toString()));
    List<List<String>> read = new ArrayList<>();
    List<String> record;
    while ((record = records.next()) != null) {
      read.add(record);
    }
    assertThat(read).containsExactly(Arrays.asList(rows.get(0)), Arrays.asList(rows.get(1)));
  }
}
