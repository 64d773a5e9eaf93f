package org.mlplatform.domain.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpreadsheetSafeCsvTest {

  private static String safe(String csv) throws IOException {
    StringWriter out = new StringWriter();
    new SpreadsheetSafeCsv().rewrite(new StringReader(csv), out);
    return out.toString();
  }

  @Test
  void formulasGetALeadingQuote() throws IOException {
    assertThat(
            safe(
                "id,note\n"
                    + "1,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\n"
                    + "2,@SUM(1)\n"
                    + "3,-abc\n"
                    + "4,+1+1\n"
                    + "5,\"\tx\"\n"))
        .isEqualTo(
            "id,note\n"
                + "1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\n"
                + "2,'@SUM(1)\n"
                + "3,'-abc\n"
                + "4,'+1+1\n"
                + "5,'\tx\n");
  }

  @Test
  void numbersAndPlainTextAreUntouched() throws IOException {
    String csv = "amount,delta,big,label\n1.5,-1.5,+3e2,a-b\n0,-Infinity,-2.5E-3,fine\n";
    assertThat(safe(csv)).isEqualTo(csv);
  }

  @Test
  void quotesCommasAndLineBreaksInCellsSurvive() throws IOException {
    String csv = "a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"cr\r\nlf\",plain,\"=a,b\"\n";
    assertThat(safe(csv))
        .isEqualTo(
            "a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"cr\r\nlf\",plain,\"'=a,b\"\n");
  }

  @Test
  void nullAndEmptyStayApart() throws IOException {
    String csv = "a,b,c\n,\"\",x\n\"\",,\n";
    assertThat(safe(csv)).isEqualTo(csv);
  }

  @Test
  void anOrdinaryHeaderIsUnchangedAndAFormulaInTheHeaderIsNot() throws IOException {
    assertThat(safe("event_timestamp,tsc_id,spend__avg_amount\n"))
        .isEqualTo("event_timestamp,tsc_id,spend__avg_amount\n");
    assertThat(safe("id,=cmd\n")).isEqualTo("id,'=cmd\n");
  }

  @Test
  void unquotedCellsThatNeedQuotesAreQuotedAndCrlfBecomesLf() throws IOException {
    assertThat(safe("a,b\r\n\"quoted\",plain\r\n")).isEqualTo("a,b\nquoted,plain\n");
  }

  @Test
  void bytesAreRewrittenAsUtf8AndCounted() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long records =
        new SpreadsheetSafeCsv()
            .rewrite(
                new ByteArrayInputStream("name\nzoë\n=ü\n".getBytes(StandardCharsets.UTF_8)), out);
    assertThat(records).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("name\nzoë\n'=ü\n");
  }

  @Test
  void aRecordLongerThanTheLimitIsAnErrorNamingIt() {
    String csv = "a\nshort\n\"" + "x".repeat(100) + "\n";
    assertThatThrownBy(
            () -> new SpreadsheetSafeCsv(50).rewrite(new StringReader(csv), new StringWriter()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("record 3")
        .hasMessageContaining("longer than 50");
  }

  @Test
  void anUnclosedQuoteIsAnError() {
    assertThatThrownBy(() -> safe("a\n\"open\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not closed");
  }
}
