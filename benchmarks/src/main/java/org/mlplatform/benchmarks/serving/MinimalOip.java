package org.mlplatform.benchmarks.serving;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The least Open Inference Protocol v2 JSON the benchmark needs, by hand: the request body it
 * sends, the {@code data} array the minimal server reads, the response that server writes, and the
 * output {@code data} the clients read back from either server to check. The parser reads one flat
 * array of JSON numbers after the first {@code "data"} key (from a given position) and rejects
 * anything else there; it does not validate the rest of the document.
 */
final class MinimalOip {

  /** Most values a request may carry (1,024 rows of 8). */
  static final int MAX_VALUES = 8_192;

  private static final byte[] DATA_KEY = "\"data\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OUTPUTS_KEY = "\"outputs\"".getBytes(StandardCharsets.US_ASCII);

  private MinimalOip() {}

  /** {@code {"inputs":[{"name":"input","shape":[n,width],"datatype":"FP32","data":[...]}]}}. */
  static byte[] requestBody(float[] rows, int width) {
    StringBuilder json = new StringBuilder(64 + rows.length * 12);
    json.append("{\"inputs\":[{\"name\":\"").append(BareSession.INPUT).append("\",\"shape\":[");
    json.append(rows.length / width).append(',').append(width);
    json.append("],\"datatype\":\"FP32\",\"data\":[");
    appendNumbers(json, rows);
    return json.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code {"model_name":..,"model_version":"1","outputs":[{"name":"output","datatype":"FP32",
   * "shape":[n,width],"data":[...]}]}}.
   */
  static byte[] responseBody(String model, float[] outputs, int width) {
    StringBuilder json = new StringBuilder(128 + outputs.length * 12);
    json.append("{\"model_name\":\"").append(model).append("\",\"model_version\":\"1\"");
    json.append(",\"outputs\":[{\"name\":\"").append(BareSession.OUTPUT);
    json.append("\",\"datatype\":\"FP32\",\"shape\":[");
    json.append(outputs.length / width).append(',').append(width).append("],\"data\":[");
    appendNumbers(json, outputs);
    return json.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code {"error":"..."}} for a message without quotes or backslashes. */
  static byte[] errorBody(String message) {
    String safe = message.replace('"', '\'').replace('\\', '/');
    return ("{\"error\":\"" + safe + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The request's {@code data} as FP32 values.
   *
   * @throws IllegalArgumentException when there is no flat array of numbers under {@code data}
   */
  static float[] requestData(byte[] json) {
    List<String> tokens = numberTokens(json, 0);
    float[] values = new float[tokens.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Float.parseFloat(tokens.get(i));
    }
    return values;
  }

  /**
   * The first output's {@code data} of an infer response.
   *
   * @throws IllegalArgumentException when the response has none
   */
  static double[] outputData(byte[] json) {
    int outputs = indexOf(json, OUTPUTS_KEY, 0);
    if (outputs < 0) {
      throw new IllegalArgumentException("no \"outputs\"");
    }
    List<String> tokens = numberTokens(json, outputs);
    double[] values = new double[tokens.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Double.parseDouble(tokens.get(i));
    }
    return values;
  }

  private static List<String> numberTokens(byte[] json, int from) {
    int key = indexOf(json, DATA_KEY, from);
    if (key < 0) {
      throw new IllegalArgumentException("no \"data\"");
    }
    int i = skipSpace(json, key + DATA_KEY.length);
    if (i >= json.length || json[i] != ':') {
      throw new IllegalArgumentException("no ':' after \"data\"");
    }
    i = skipSpace(json, i + 1);
    if (i >= json.length || json[i] != '[') {
      throw new IllegalArgumentException("\"data\" is not a flat array of numbers");
    }
    List<String> tokens = new ArrayList<>();
    i = skipSpace(json, i + 1);
    if (i < json.length && json[i] == ']') {
      return tokens;
    }
    while (true) {
      int start = i;
      while (i < json.length && isNumberByte(json[i])) {
        i++;
      }
      if (i == start) {
        throw new IllegalArgumentException("\"data\" holds a non-number at byte " + start);
      }
      if (tokens.size() == MAX_VALUES) {
        throw new IllegalArgumentException("more than " + MAX_VALUES + " values");
      }
      tokens.add(new String(json, start, i - start, StandardCharsets.ISO_8859_1));
      i = skipSpace(json, i);
      if (i >= json.length) {
        throw new IllegalArgumentException("\"data\" is not closed");
      }
      if (json[i] == ']') {
        return tokens;
      }
      if (json[i] != ',') {
        throw new IllegalArgumentException("expected ',' or ']' at byte " + i);
      }
      i = skipSpace(json, i + 1);
    }
  }

  private static boolean isNumberByte(byte b) {
    return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
  }

  private static int skipSpace(byte[] json, int i) {
    while (i < json.length
        && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static int indexOf(byte[] json, byte[] key, int from) {
    outer:
    for (int i = from; i <= json.length - key.length; i++) {
      for (int k = 0; k < key.length; k++) {
        if (json[i + k] != key[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void appendNumbers(StringBuilder json, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        json.append(',');
      }
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException("JSON has no " + values[i]);
      }
      json.append(values[i]);
    }
  }
}
