package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.AuditFilter;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.portal.api.AuditQueryParameters.Raw;

/** The audit query's parameters: what each means, and a 400 naming the one at fault. */
class AuditQueryParametersTest {

  private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON_TYPE);
  private static final List<MediaType> ANY = List.of(MediaType.WILDCARD_TYPE);

  private static Raw raw() {
    return new Raw(null, null, null, null, null, null, null, null, null);
  }

  private static AuditQueryParameters parse(Raw raw) {
    return AuditQueryParameters.parse(raw, ANY);
  }

  @Test
  void noParametersMeanTheNewestHundredAsJson() {
    AuditQueryParameters query = parse(raw());

    assertThat(query).isEqualTo(new AuditQueryParameters(AuditFilter.ALL, 0, 100, false));
  }

  @Test
  void everyFilterIsRead() {
    AuditQueryParameters query =
        parse(
            new Raw(
                "alice",
                "model.",
                "fraud",
                "denied",
                "2026-01-01T00:00:00Z",
                "2026-02-01T00:00:00+01:00",
                "20",
                "40",
                null));

    assertThat(query.filter())
        .isEqualTo(
            new AuditFilter(
                "alice",
                "model.",
                "fraud",
                Outcome.DENIED,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-31T23:00:00Z")));
    assertThat(query.limit()).isEqualTo(20);
    assertThat(query.offset()).isEqualTo(40);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "outcome | maybe | outcome is one of SUCCESS, DENIED or FAILED",
        "from | yesterday | from is not an ISO-8601 instant",
        "to | 2026-13-01T00:00:00Z | to is not an ISO-8601 instant",
        "limit | 0 | limit is 1 to 1000",
        "limit | 1001 | limit is 1 to 1000",
        "limit | ten | limit is a whole number",
        "offset | -1 | offset is 0 to 2147483647",
        "offset | 1e3 | offset is a whole number",
        "format | xml | format is csv or json",
      })
  void aBadValueNamesItsParameter(String parameter, String value, String message) {
    Raw raw =
        new Raw(
            null,
            null,
            null,
            parameter.equals("outcome") ? value : null,
            parameter.equals("from") ? value : null,
            parameter.equals("to") ? value : null,
            parameter.equals("limit") ? value : null,
            parameter.equals("offset") ? value : null,
            parameter.equals("format") ? value : null);

    assertThatThrownBy(() -> parse(raw))
        .isInstanceOf(DomainValidationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((DomainValidationException) e).field())
        .isEqualTo(parameter);
  }

  @Test
  void fromMustComeBeforeTo() {
    Raw raw =
        new Raw(
            null,
            null,
            null,
            null,
            "2026-02-01T00:00:00Z",
            "2026-01-01T00:00:00Z",
            null,
            null,
            null);

    assertThatThrownBy(() -> parse(raw))
        .isInstanceOf(DomainValidationException.class)
        .extracting(e -> ((DomainValidationException) e).field())
        .isEqualTo("to");
  }

  @Test
  void overlongTextIsRefusedRatherThanSearched() {
    Raw raw = new Raw("a".repeat(201), null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> parse(raw))
        .extracting(e -> ((DomainValidationException) e).field())
        .isEqualTo("actor");
  }

  @Test
  void blankParametersAreLeftOut() {
    AuditQueryParameters query = parse(new Raw(" ", "", " ", " ", " ", "", " ", "", " "));

    assertThat(query).isEqualTo(new AuditQueryParameters(AuditFilter.ALL, 0, 100, false));
  }

  @Test
  void csvComesFromTheFormatParameterOrTheAcceptHeader() {
    MediaType csv = new MediaType("text", "csv");
    Raw formatCsv = new Raw(null, null, null, null, null, null, null, null, "CSV");
    Raw formatJson = new Raw(null, null, null, null, null, null, null, null, "json");

    assertThat(AuditQueryParameters.parse(formatCsv, JSON).csv()).isTrue();
    assertThat(AuditQueryParameters.parse(formatJson, List.of(csv)).csv()).isFalse();
    assertThat(AuditQueryParameters.parse(raw(), List.of(csv)).csv()).isTrue();
    assertThat(
            AuditQueryParameters.parse(raw(), List.of(csv, MediaType.APPLICATION_JSON_TYPE)).csv())
        .isTrue();
    assertThat(
            AuditQueryParameters.parse(raw(), List.of(MediaType.APPLICATION_JSON_TYPE, csv)).csv())
        .isFalse();
    assertThat(AuditQueryParameters.parse(raw(), ANY).csv()).isFalse();
    assertThat(AuditQueryParameters.parse(raw(), List.of(new MediaType("text", "*"))).csv())
        .isFalse();
    assertThat(AuditQueryParameters.parse(raw(), List.of()).csv()).isFalse();
  }

  @Test
  void aCsvExportHasEveryMatchingRecordUnlessALimitIsGiven() {
    Raw all = new Raw(null, null, null, null, null, null, null, null, "csv");
    Raw tenThousand = new Raw(null, null, null, null, null, null, "10000", "5", "csv");

    assertThat(parse(all).limit()).isEqualTo(Long.MAX_VALUE);
    assertThat(parse(tenThousand).limit()).isEqualTo(10_000);
    assertThat(parse(tenThousand).offset()).isEqualTo(5);
  }
}
