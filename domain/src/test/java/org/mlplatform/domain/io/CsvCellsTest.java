package org.mlplatform.domain.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=", "-"})
  void textThatASpreadsheetWouldRunGetsALeadingQuote(String text) {
    assertThat(CsvCells.neutralise(text)).isEqualTo("'" + text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice", "model:fraud", "1.5", " =1", "'=1", "a=b", "\nx"})
  void otherTextIsLeftAsItIs(String text) {
    assertThat(CsvCells.neutralise(text)).isEqualTo(text);
  }

  @Test
  void nullAndEmptyStayAsTheyAre() {
    assertThat(CsvCells.neutralise(null)).isNull();
    assertThat(CsvCells.neutralise("")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1.5", "+3e2", "-Infinity", "-0", "+7", "-2.5E-3"})
  void signedNumbersAreNotNeutralisedWhenNumbersMayStay(String number) {
    assertThat(CsvCells.neutraliseUnlessNumber(number)).isEqualTo(number);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"-abc", "+1+1", "-1+cmd|' /C calc'!A0", "=1", "@SUM(1)", "\t1", "\r1", "-"})
  void formulasAreNeutralisedEvenWhenNumbersMayStay(String text) {
    assertThat(CsvCells.neutraliseUnlessNumber(text)).isEqualTo("'" + text);
  }

  @Test
  void unsignedTextNullAndEmptyStayWhenNumbersMayStay() {
    assertThat(CsvCells.neutraliseUnlessNumber("1.5")).isEqualTo("1.5");
    assertThat(CsvCells.neutraliseUnlessNumber("a-b")).isEqualTo("a-b");
    assertThat(CsvCells.neutraliseUnlessNumber(null)).isNull();
    assertThat(CsvCells.neutraliseUnlessNumber("")).isEmpty();
  }

  @Test
  void fieldsAreQuotedOnlyWhenTheyMustBe() {
    assertThat(CsvCells.field(null)).isEmpty();
    assertThat(CsvCells.field("")).isEqualTo("\"\"");
    assertThat(CsvCells.field("plain")).isEqualTo("plain");
    assertThat(CsvCells.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvCells.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvCells.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvCells.field("cr\r")).isEqualTo("\"cr\r\"");
  }

  @Test
  void cellsAreNeutralisedThenQuoted() {
    assertThat(CsvCells.cell("=cmd|' /C calc'!A0,")).isEqualTo("\"'=cmd|' /C calc'!A0,\"");
    assertThat(CsvCells.cell("\r\n")).isEqualTo("\"'\r\n\"");
    assertThat(CsvCells.cell("-5")).isEqualTo("'-5");
  }

  @Test
  void writesALineOfCells() {
    StringBuilder out = new StringBuilder();

    CsvCells.writeLine(out, Arrays.asList("a", null, "", "+x", "b,c"));
    CsvCells.writeLine(out, List.of());

    assertThat(out).hasToString("a,,\"\",'+x,\"b,c\"\n\n");
  }
}
