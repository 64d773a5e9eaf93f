package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;

/** The CSV download body and its {@code ?raw=} parameter, without a server. */
class CsvDownloadTest {

  private static final String STORED = "id,note,score\n1,=1+1,-1.5\n2,-abc,\"\"\n3,,+3e2\n";

  private static String download(boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvDownload.body(() -> new ByteArrayInputStream(STORED.getBytes(StandardCharsets.UTF_8)), raw)
        .write(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theDefaultNeutralisesFormulasAndKeepsNumbers() throws IOException {
    assertThat(download(false)).isEqualTo("id,note,score\n1,'=1+1,-1.5\n2,'-abc,\"\"\n3,,+3e2\n");
  }

  @Test
  void rawIsTheStoredBytes() throws IOException {
    assertThat(download(true)).isEqualTo(STORED);
  }

  @Test
  void rawIsTrueOrFalseAndAnythingElseIsA400NamingIt() {
    assertThat(CsvDownload.raw(null)).isFalse();
    assertThat(CsvDownload.raw("false")).isFalse();
    assertThat(CsvDownload.raw("true")).isTrue();
    assertThat(CsvDownload.raw("TRUE")).isTrue();
    assertThatThrownBy(() -> CsvDownload.raw("yes"))
        .isInstanceOfSatisfying(
            DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("raw"))
        .hasMessageContaining("'yes'");
  }
}
