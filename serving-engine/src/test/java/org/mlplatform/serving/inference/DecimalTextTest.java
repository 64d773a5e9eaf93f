package org.mlplatform.serving.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast conversion must give the JDK's correctly rounded result, bit for bit. */
class DecimalTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "0.0",
        "-0.0",
        "1",
        "-1",
        "0.1",
        "1e-3",
        "1E+3",
        "2.5e-7",
        "123456789012345678",
        "9007199254740993",
        "16777217",
        "33554431",
        "3.4028235e38",
        "3.4028236e38",
        "1e39",
        "1.4e-45",
        "7e-46",
        "1.17549435e-38",
        "4.9e-324",
        "1.7976931348623157e308",
        "1e22",
        "1e23",
        "0.000000000000000000000001",
        "100000000000000000000000",
        "8.589973e9",
        "0.30000000000000004",
        "1.00000005960464477539062500001"
      })
  void convertsEdgeCasesAsTheJdkDoes(String text) {
    assertSameAsJdk(text);
  }

  @Test
  void convertsRandomDecimalsAsTheJdkDoes() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 50_000; i++) {
      assertSameAsJdk(randomDecimal(random));
      assertSameAsJdk(
          Float.toString(Float.intBitsToFloat(random.nextInt())).replace("Infinity", "1"));
      assertSameAsJdk(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30))));
    }
  }

  private static void assertSameAsJdk(String text) {
    if (text.contains("NaN")) {
      return;
    }
    assertThat(Float.floatToRawIntBits(DecimalText.toFloat(text)))
        .as(text)
        .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(text)));
    assertThat(Double.doubleToRawLongBits(DecimalText.toDouble(text)))
        .as(text)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
  }

  /** Up to 20 digits, a point anywhere, maybe an exponent: JSON number syntax. */
  private static String randomDecimal(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    if (random.nextBoolean()) {
      text.append('-');
    }
    int digits = random.nextInt(1, 21);
    int point = random.nextInt(0, digits + 1);
    for (int d = 0; d < digits; d++) {
      if (d == point && d > 0) {
        text.append('.');
      }
      text.append((char) ('0' + random.nextInt(10)));
    }
    if (random.nextInt(3) == 0) {
      text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(-40, 40));
    }
    return text.toString();
  }
}
