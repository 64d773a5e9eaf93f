package org.mlplatform.serving.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.serving.inference.TestModels.read;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplatform.domain.models.ElementType;

class OipRequestReaderTest {

  @Test
  void readsARequestWithItsIdInputsAndRequestedOutputs() {
    InferenceRequest request =
        read(
            """
            {"id": "r-1", "parameters": {"priority": 1},
             "inputs": [{"name": "x", "shape": [2, 2], "datatype": "FP32",
                         "parameters": {"content_type": "fp"}, "data": [1, 2.5, -3, 4e-1]}],
             "outputs": [{"name": "y", "parameters": {}}]}
            """);

    assertThat(request.id()).isEqualTo("r-1");
    assertThat(request.requestedOutputs()).containsExactly("y");
    InputTensor x = request.inputs().getFirst();
    assertThat(x.name()).isEqualTo("x");
    assertThat(x.datatype()).isEqualTo(ElementType.FP32);
    assertThat(x.shape()).containsExactly(2, 2);
    assertThat(x.data().toFloatArray()).containsExactly(1f, 2.5f, -3f, 0.4f);
  }

  @Test
  void leavesTheIdNullAndTheOutputsEmptyWhenTheCallerSendsNone() {
    InferenceRequest request = read(input("x", "INT64", "[1]", "[7]"));

    assertThat(request.id()).isNull();
    assertThat(request.requestedOutputs()).isEmpty();
  }

  @Test
  void ignoresUnknownFieldsHoweverTheyAreShaped() {
    InferenceRequest request =
        read(
            """
            {"future": {"a": [1, {"b": null}], "c": "d"}, "also": [[]],
             "inputs": [{"name": "x", "extension": {"k": [true]}, "shape": [1],
                         "datatype": "BOOL", "data": [true]}]}
            """);

    assertThat(request.inputs().getFirst().data().toBooleanArray()).containsExactly(true);
  }

  @Test
  void readsNestedDataAsTheSameTensorAsFlatData() {
    InputTensor flat =
        read(input("x", "INT32", "[2, 3]", "[1, 2, 3, 4, 5, 6]")).inputs().getFirst();
    InputTensor nested =
        read(input("x", "INT32", "[2, 3]", "[[1, 2, 3], [4, 5, 6]]")).inputs().getFirst();
    InputTensor deeper =
        read(input("x", "INT32", "[2, 1, 3]", "[[[1, 2, 3]], [[4, 5, 6]]]")).inputs().getFirst();

    assertThat(nested).isEqualTo(flat);
    assertThat(deeper.data()).isEqualTo(flat.data());
  }

  @Test
  void readsFieldsInAnyOrderEvenDataBeforeDatatypeAndShape() {
    InputTensor ordered =
        read(input("x", "UINT8", "[2, 2]", "[[0, 1], [254, 255]]")).inputs().getFirst();
    InputTensor reversed =
        read("""
                {"inputs": [{"data": [[0, 1], [254, 255]], "shape": [2, 2], "datatype": "UINT8",
                             "name": "x"}]}
                """)
            .inputs()
            .getFirst();

    assertThat(reversed).isEqualTo(ordered);
  }

  @Test
  void checksElementsThatCameBeforeTheirDatatypeOnceItArrives() {
    assertRejected(
            """
            {"inputs": [{"data": [1, 300], "name": "x", "shape": [2], "datatype": "UINT8"}]}
            """)
        .hasMessageContaining("input 'x' element 1: 300 is out of range for UINT8");
  }

  static Stream<Arguments> everyDatatype() {
    return Stream.of(
        Arguments.of("BOOL", "[true, false]", ElementType.BOOL),
        Arguments.of("UINT8", "[0, 255]", ElementType.UINT8),
        Arguments.of("UINT16", "[0, 65535]", ElementType.UINT16),
        Arguments.of("UINT32", "[0, 4294967295]", ElementType.UINT32),
        Arguments.of("UINT64", "[0, 18446744073709551615]", ElementType.UINT64),
        Arguments.of("INT8", "[-128, 127]", ElementType.INT8),
        Arguments.of("INT16", "[-32768, 32767]", ElementType.INT16),
        Arguments.of("INT32", "[-2147483648, 2147483647]", ElementType.INT32),
        Arguments.of("INT64", "[-9223372036854775808, 9223372036854775807]", ElementType.INT64),
        Arguments.of("FP16", "[-65504, 0.5]", ElementType.FP16),
        Arguments.of("BF16", "[-1.5, 3e38]", ElementType.BF16),
        Arguments.of("FP32", "[-3.4028235e38, 1.4e-45]", ElementType.FP32),
        Arguments.of("FP64", "[-1.7976931348623157e308, 4.9e-324]", ElementType.FP64),
        Arguments.of("BYTES", "[\"héllo\", \"\"]", ElementType.BYTES));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyDatatype")
  void readsEveryDatatypeAtTheEdgesOfItsRange(String datatype, String data, ElementType type) {
    InputTensor input = read(input("x", datatype, "[2]", data)).inputs().getFirst();

    assertThat(input.datatype()).isEqualTo(type);
    assertThat(input.data().type()).isEqualTo(type);
    assertThat(input.data().length()).isEqualTo(2);
  }

  @Test
  void readsIntegersExactlyWhereADoubleWouldRound() {
    InputTensor input =
        read(input("x", "INT64", "[3]", "[9007199254740993, -9223372036854775807, 1e3]"))
            .inputs()
            .getFirst();
    InputTensor unsigned =
        read(input("x", "UINT64", "[2]", "[18446744073709551615, 9223372036854775808]"))
            .inputs()
            .getFirst();

    assertThat(input.data().toLongArray())
        .containsExactly(9007199254740993L, -9223372036854775807L, 1000L);
    assertThat(unsigned.data().toLongArray()).containsExactly(-1L, Long.MIN_VALUE);
  }

  @Test
  void acceptsIntegersWrittenWithAZeroFraction() {
    InputTensor input = read(input("x", "INT32", "[3]", "[3.0, 2.50e1, -0.0]")).inputs().getFirst();

    assertThat(input.data().toIntArray()).containsExactly(3, 25, 0);
  }

  @ParameterizedTest(name = "{1} as {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "UINT8  | 300                      | element 1: 300 is out of range for UINT8",
        "UINT8  | -1                       | element 1: -1 is out of range for UINT8",
        "INT8   | 128                      | element 1: 128 is out of range for INT8",
        "INT16  | 32768                    | element 1: 32768 is out of range for INT16",
        "INT32  | 1.5                      | element 1: 1.5 is not an integer",
        "INT32  | 2147483648               | element 1: 2147483648 is out of range for INT32",
        "INT64  | 9223372036854775808      | out of range for INT64",
        "INT64  | 1e400                    | out of range for INT64",
        "INT64  | 1e-400                   | not an integer",
        "INT64  | true                     | element 1: true is not a valid INT64 value",
        "INT64  | \"5\"                    | element 1: \"5\" is not a valid INT64 value",
        "UINT32 | 4294967296               | out of range for UINT32",
        "UINT64 | 18446744073709551616     | out of range for UINT64",
        "UINT64 | -1                       | out of range for UINT64",
        "FP32   | \"abc\"                  | element 1: \"abc\" is not a valid FP32 value",
        "FP32   | 1e39                     | element 1: 1e39 is out of range for FP32",
        "FP64   | 1e309                    | out of range for FP64",
        "FP16   | 65520                    | out of range for FP16",
        "FP32   | false                    | element 1: false is not a valid FP32 value",
        "BOOL   | 1                        | element 1: BOOL takes true or false, not 1",
        "BYTES  | 5                        | element 1: BYTES takes JSON strings",
        "FP32   | null                     | element 1: null is not a value",
      })
  void refusesAValueTheDatatypeCannotHoldNamingInputAndElement(
      String datatype, String value, String message) {
    String data = "[0, " + value + "]";
    if (datatype.equals("BOOL")) {
      data = "[false, " + value + "]";
    } else if (datatype.equals("BYTES")) {
      data = "[\"a\", " + value + "]";
    }

    assertRejected(input("x", datatype, "[2]", data))
        .hasMessageStartingWith("input 'x'")
        .hasMessageContaining(message);
  }

  @Test
  void readsTheNonFiniteStringsAsFloatValues() {
    InputTensor floats =
        read(input("x", "FP32", "[4]", "[\"NaN\", \"Infinity\", \"-Infinity\", 1]"))
            .inputs()
            .getFirst();
    InputTensor doubles =
        read(input("x", "FP64", "[3]", "[\"NaN\", \"Infinity\", \"-Infinity\"]"))
            .inputs()
            .getFirst();
    InputTensor halves = read(input("x", "FP16", "[1]", "[\"-Infinity\"]")).inputs().getFirst();

    assertThat(floats.data().toFloatArray())
        .containsExactly(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f);
    assertThat(doubles.data().toDoubleArray())
        .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertThat(halves.data().toFloatArray()).containsExactly(Float.NEGATIVE_INFINITY);
  }

  @Test
  void refusesOtherSpellingsOfNonFiniteValuesAndThemForIntegers() {
    assertRejected(input("x", "FP32", "[1]", "[\"nan\"]"))
        .hasMessageContaining("input 'x' element 0: \"nan\" is not a valid FP32 value");
    assertRejected(input("x", "FP32", "[1]", "[\"inf\"]"))
        .hasMessageContaining("\"inf\" is not a valid FP32 value");
    assertRejected(input("x", "INT32", "[1]", "[\"NaN\"]"))
        .hasMessageContaining("input 'x' element 0: \"NaN\" is not a valid INT32 value");
    assertRejected(input("x", "BOOL", "[1]", "[\"Infinity\"]"))
        .hasMessageContaining("is not a valid BOOL value");
  }

  @Test
  void treatsBareNaNTokensAsMalformedJson() {
    assertRejected(input("x", "FP32", "[1]", "[NaN]")).hasMessageStartingWith("malformed JSON: ");
    assertRejected(input("x", "FP32", "[1]", "[Infinity]"))
        .hasMessageStartingWith("malformed JSON: ");
  }

  @Test
  void namesTheProblemWithTheRequestsStructure() {
    assertRejected("{\"id\": \"a\"}").hasMessage("the request has no inputs");
    assertRejected("{\"inputs\": []}").hasMessage("the request has no inputs");
    assertRejected("[1, 2]").hasMessage("the request must be a JSON object");
    assertRejected("{\"inputs\": {}}").hasMessageContaining("inputs must be an array");
    assertRejected("{\"id\": 5, \"inputs\": []}").hasMessage("the request's id must be a string");
    assertRejected(
            "{\"inputs\": ["
                + inputObject("x", "FP32", "[1]", "[1]")
                + ", "
                + inputObject("x", "FP32", "[1]", "[2]")
                + "]}")
        .hasMessage("the input 'x' appears twice");
    assertRejected(
            "{\"inputs\": ["
                + inputObject("x", "FP32", "[1]", "[1]")
                + "], \"outputs\": [{\"name\": \"y\"}, {\"name\": \"y\"}]}")
        .hasMessage("the output 'y' is requested twice");
    assertRejected(
            "{\"inputs\": [" + inputObject("x", "FP32", "[1]", "[1]") + "], \"outputs\": [{}]}")
        .hasMessage("outputs[0] has no name");
  }

  @Test
  void namesTheInputWithAMissingOrBadField() {
    assertRejected("{\"inputs\": [{\"shape\": [1], \"datatype\": \"FP32\", \"data\": [1]}]}")
        .hasMessage("inputs[0] has no name");
    assertRejected("{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"data\": [1]}]}")
        .hasMessage("input 'x' has no datatype");
    assertRejected("{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"data\": [1]}]}")
        .hasMessage("input 'x' has no shape");
    assertRejected("{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1]}]}")
        .hasMessageStartingWith("input 'x' has no data");
    assertRejected(input("x", "FLOAT", "[1]", "[1]"))
        .hasMessageContaining("input 'x': unknown datatype \"FLOAT\"")
        .hasMessageContaining("FP32");
    assertRejected(input("x", "FP32", "[2, -1]", "[1, 2]"))
        .hasMessage("input 'x': shape has the negative dimension -1 at axis 1");
    assertRejected(input("x", "FP32", "[2.5]", "[1, 2]"))
        .hasMessage("input 'x': shape must hold whole numbers only");
    assertRejected(input("x", "FP32", "[1]", "1"))
        .hasMessageContaining("input 'x': data must be an array");
  }

  @Test
  void refusesDataThatDisagreesWithTheShape() {
    assertRejected(input("x", "FP32", "[2, 3]", "[1, 2, 3, 4, 5]"))
        .hasMessage("input 'x': shape [2, 3] needs 6 elements but data has 5");
    assertRejected(input("x", "FP32", "[3, 2]", "[[1, 2, 3], [4, 5, 6]]"))
        .hasMessage("input 'x': data is nested as [2, 3] but the shape is [3, 2]");
    assertRejected(input("x", "FP32", "[2, 2]", "[[1, 2], [3]]"))
        .hasMessageContaining("input 'x': nested data is not rectangular");
    assertRejected(input("x", "FP32", "[2, 2]", "[[1, 2], 3, 4]"))
        .hasMessageContaining("input 'x': nested data mixes elements and arrays");
    assertRejected(input("x", "FP32", "[1]", "[{\"a\": 1}]"))
        .hasMessageContaining("input 'x': data may hold only numbers");
  }

  @Test
  void readsAnEmptyTensor() {
    InputTensor empty = read(input("x", "FP32", "[0, 4]", "[]")).inputs().getFirst();

    assertThat(empty.data().length()).isZero();
    assertThat(empty.shape()).containsExactly(0, 4);
  }

  @Test
  void reportsMalformedJson() {
    assertRejected("{\"inputs\": [").hasMessageStartingWith("malformed JSON: ");
    assertRejected("{\"inputs\" 1}").hasMessageStartingWith("malformed JSON: ");
    assertRejected("").hasMessageStartingWith("malformed JSON: ");
    assertRejected(input("x", "FP32", "[1]", "[1]") + " {}")
        .hasMessageStartingWith("malformed JSON: ");
  }

  @Test
  void refusesDeepNestingWithoutRecursing() {
    String deep = "[".repeat(200_000);

    assertRejected(input("x", "FP32", "[1]", deep))
        .hasMessage("the request nests JSON arrays and objects deeper than 32 levels");
    assertRejected("{\"parameters\": {\"a\": " + deep + "}}")
        .hasMessageContaining("deeper than 32 levels");
  }

  @Test
  void refusesAShapeWithTooManyElementsBeforeReadingItsData() {
    assertTooLarge(input("x", "FP32", "[1000000, 1000000]", "[1]"))
        .hasMessageContaining("input 'x' with shape [1000000, 1000000]")
        .hasMessageContaining("more tensor elements than a request may hold");
    assertTooLarge(input("x", "FP32", "[9223372036854775807, 4]", "[1]"))
        .hasMessageContaining("more tensor elements than a request may hold");
    assertTooLarge(input("x", "FP32", "[99999999999999999999]", "[1]"))
        .hasMessage("input 'x': shape dimension 0 is too large");
  }

  @Test
  void stopsReadingEndlessDataAtTheElementLimit() {
    ReadLimits limits = new ReadLimits(100_000, 32, 1000);
    // Far more elements than memory could hold, produced as the reader asks for them.
    InputStream endless =
        new SequenceInputStream(
            Collections.enumeration(
                List.of(
                    utf8("{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP64\", \"data\": ["),
                    new RepeatingStream("0.5, ".getBytes(StandardCharsets.US_ASCII)))));

    assertThatThrownBy(() -> new OipRequestReader(limits).read(endless))
        .isInstanceOfSatisfying(
            InferenceException.class, e -> assertThat(e.status()).isEqualTo(413))
        .hasMessage("the request holds more than 100000 tensor elements");
  }

  @Test
  void countsElementsAcrossAllInputs() {
    ReadLimits limits = new ReadLimits(5, 32, 1000);
    String request =
        "{\"inputs\": ["
            + inputObject("a", "FP32", "[3]", "[1, 2, 3]")
            + ", "
            + inputObject("b", "FP32", "[3]", "[1, 2, 3]")
            + "]}";

    assertThatThrownBy(() -> read(request, limits))
        .isInstanceOfSatisfying(
            InferenceException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void refusesOverlongStrings() {
    ReadLimits limits = new ReadLimits(1000, 32, 10);

    assertThatThrownBy(
            () -> read(input("x", "BYTES", "[1]", "[\"" + "a".repeat(11) + "\"]"), limits))
        .isInstanceOfSatisfying(
            InferenceException.class, e -> assertThat(e.status()).isEqualTo(413))
        .hasMessageContaining("longer than 10 characters");
    assertThatThrownBy(() -> read(input("x", "FP64", "[1]", "[0." + "1".repeat(20) + "]"), limits))
        .isInstanceOf(InferenceException.class)
        .hasMessageContaining("longer than 10 characters");
  }

  @Test
  void leavesTheBodyOpenForItsOwner() {
    boolean[] closed = {false};
    InputStream body =
        new ByteArrayInputStream(utf8Bytes(input("x", "FP32", "[1]", "[1]"))) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    new OipRequestReader(ReadLimits.defaults()).read(body);

    assertThat(closed[0]).isFalse();
  }

  static String input(String name, String datatype, String shape, String data) {
    return "{\"inputs\": [" + inputObject(name, datatype, shape, data) + "]}";
  }

  static String inputObject(String name, String datatype, String shape, String data) {
    return "{\"name\": \""
        + name
        + "\", \"datatype\": \""
        + datatype
        + "\", \"shape\": "
        + shape
        + ", \"data\": "
        + data
        + "}";
  }

  /** A 400 for {@code json}. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String json) {
    return assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(
            InferenceException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  /** A 413 for {@code json}. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertTooLarge(String json) {
    return assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(
            InferenceException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(utf8Bytes(text));
  }

  private static byte[] utf8Bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The same bytes over and over, without end. */
  private static final class RepeatingStream extends InputStream {
    private final byte[] unit;
    private int at;

    RepeatingStream(byte[] unit) {
      this.unit = unit;
    }

    @Override
    public int read() {
      byte b = unit[at];
      at = (at + 1) % unit.length;
      return b;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      for (int i = 0; i < length; i++) {
        into[offset + i] = (byte) read();
      }
      return length;
    }
  }
}
