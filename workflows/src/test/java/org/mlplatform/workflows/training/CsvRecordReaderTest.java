package org.mlplatform.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.training.CsvTrainingSetWriter;
import org.mlplatform.domain.features.training.TrainingColumn;
import org.mlplatform.domain.features.training.TrainingColumn.Role;

class CsvRecordReaderTest {

  @Test
  void readsBackWhatThePlatformWrites() throws IOException {
    StringWriter out = new StringWriter();
    CsvTrainingSetWriter writer = new CsvTrainingSetWriter(out);
    writer.start(
        List.of(
            new TrainingColumn("note", FeatureType.STRING, Role.PASSTHROUGH, null),
            new TrainingColumn("v__x", FeatureType.FLOAT64, Role.FEATURE, "v:x")));
    writer.row(new Object[] {"a, \"quoted\"\nline", 1.5});
    writer.row(new Object[] {"", null});
    writer.row(new Object[] {null, -2.0});

    CsvRecordReader reader = new CsvRecordReader(new StringReader(out.toString()));

    assertThat(reader.next()).containsExactly("note", "v__x");
    assertThat(reader.next()).containsExactly("a, \"quoted\"\nline", "1.5");
    assertThat(reader.recordLine()).isEqualTo(2);
    assertThat(reader.next()).containsExactly("", null);
    assertThat(reader.recordLine()).isEqualTo(4);
    assertThat(reader.next()).containsExactly(null, "-2.0");
    assertThat(reader.next()).isNull();
  }

  @Test
  void acceptsWindowsLineEndsAndAMissingFinalNewline() throws IOException {
    CsvRecordReader reader = new CsvRecordReader(new StringReader("a,b\r\n1,\r\n2,3"));

    assertThat(reader.next()).containsExactly("a", "b");
    assertThat(reader.next()).isEqualTo(Arrays.asList("1", null));
    assertThat(reader.next()).containsExactly("2", "3");
    assertThat(reader.next()).isNull();
  }

  @Test
  void anUnclosedQuoteIsATrainingSetError() throws IOException {
    CsvRecordReader reader = new CsvRecordReader(new StringReader("a\n\"open"));
    reader.next();

    DomainValidationException refused = assertThrows(DomainValidationException.class, reader::next);

    assertThat(refused.field()).isEqualTo("trainingSet");
    assertThat(refused).hasMessageContaining("line 2");
  }
}
