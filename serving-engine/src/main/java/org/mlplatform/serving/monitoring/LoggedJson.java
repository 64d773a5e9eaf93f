package org.mlplatform.serving.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back what {@link org.mlplatform.serving.engine.LoggedPrediction} wrote: a JSON object with
 * one array per input or output. Monitoring reads millions of these, so this is a small
 * hand-written reader rather than a general JSON library: numbers go straight into a {@code
 * double[]} without boxing, and only the requested entry is decoded.
 *
 * <p>Non-finite numbers come back from their string form ({@code "NaN"}, {@code "Infinity"}, {@code
 * "-Infinity"}); any other string, a null or a boolean in a numeric array reads as NaN (missing).
 * Malformed text gives {@code null} rather than an exception: one bad row must not stop a scan.
 */
public final class LoggedJson {

  private LoggedJson() {}

  /**
   * The numbers of the entry {@code key}, or null when the text holds no such array or cannot be
   * read.
   */
  public static double[] numbers(String json, String key) {
    return numbers(json, key, 16);
  }

  /**
   * As {@link #numbers(String, String)}, sized for {@code expected} numbers: an array of the
   * expected length is filled in place, never grown and copied.
   */
  public static double[] numbers(String json, String key, int expected) {
    try {
      Cursor cursor = new Cursor(json);
      if (!cursor.seekKey(key) || cursor.peek() != '[') {
        return null;
      }
      return cursor.numberArray(Math.max(1, expected));
    } catch (MalformedLogException e) {
      return null;
    }
  }

  /**
   * Every entry as a list of values: {@code Double} for numbers (and non-finite strings), {@code
   * String}, {@code Boolean}, {@code null}, and {@code Map<String, Object>} for objects (a
   * converter's per-row maps of class probabilities). Null when the text cannot be read.
   */
  public static Map<String, List<Object>> entries(String json) {
    try {
      Cursor cursor = new Cursor(json);
      Map<String, List<Object>> entries = new LinkedHashMap<>();
      cursor.expect('{');
      if (cursor.peek() == '}') {
        return entries;
      }
      do {
        String key = cursor.string();
        cursor.expect(':');
        Object value = cursor.value();
        entries.put(key, value instanceof List<?> list ? listOf(list) : Arrays.asList(value));
      } while (cursor.commaOr('}'));
      return entries;
    } catch (MalformedLogException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> listOf(List<?> list) {
    return (List<Object>) list;
  }

  private static final class MalformedLogException extends Exception {
    MalformedLogException() {
      super(null, null, false, false); // thrown per bad row: no stack trace to fill
    }
  }

  /** A position in the text, skipping whitespace before each token. */
  private static final class Cursor {
    private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
      1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    private final String text;
    private int at;

    Cursor(String text) throws MalformedLogException {
      if (text == null) {
        throw new MalformedLogException();
      }
      this.text = text;
    }

    char peek() throws MalformedLogException {
      while (at < text.length() && text.charAt(at) <= ' ') {
        at++;
      }
      if (at >= text.length()) {
        throw new MalformedLogException();
      }
      return text.charAt(at);
    }

    void expect(char c) throws MalformedLogException {
      if (peek() != c) {
        throw new MalformedLogException();
      }
      at++;
    }

    /** After a member: true at a comma (consumed), false at the closing bracket (consumed). */
    boolean commaOr(char close) throws MalformedLogException {
      char c = peek();
      at++;
      if (c == ',') {
        return true;
      }
      if (c == close) {
        return false;
      }
      throw new MalformedLogException();
    }

    /** Moves to the value of a top-level key; false when the object has none. */
    boolean seekKey(String key) throws MalformedLogException {
      expect('{');
      if (peek() == '}') {
        return false;
      }
      do {
        String found = string();
        expect(':');
        if (found.equals(key)) {
          return true;
        }
        skipValue();
      } while (commaOr('}'));
      return false;
    }

    double[] numberArray(int capacity) throws MalformedLogException {
      expect('[');
      double[] values = new double[capacity];
      int size = 0;
      if (peek() == ']') {
        at++;
        return new double[0];
      }
      do {
        if (size == values.length) {
          values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = numberOrMissing();
      } while (commaOr(']'));
      return size == values.length ? values : Arrays.copyOf(values, size);
    }

    private double numberOrMissing() throws MalformedLogException {
      char c = peek();
      if (c == '"') {
        return switch (string()) {
          case "NaN" -> Double.NaN;
          case "Infinity" -> Double.POSITIVE_INFINITY;
          case "-Infinity" -> Double.NEGATIVE_INFINITY;
          default -> Double.NaN;
        };
      }
      if (c == '-' || (c >= '0' && c <= '9')) {
        return number();
      }
      skipValue();
      return Double.NaN;
    }

    Object value() throws MalformedLogException {
      char c = peek();
      switch (c) {
        case '"' -> {
          String s = string();
          return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> s;
          };
        }
        case '[' -> {
          at++;
          List<Object> list = new ArrayList<>();
          if (peek() == ']') {
            at++;
            return list;
          }
          do {
            list.add(value());
          } while (commaOr(']'));
          return list;
        }
        case '{' -> {
          at++;
          Map<String, Object> map = new LinkedHashMap<>();
          if (peek() == '}') {
            at++;
            return map;
          }
          do {
            String key = string();
            expect(':');
            map.put(key, value());
          } while (commaOr('}'));
          return map;
        }
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          return literal();
        }
      }
    }

    private void skipValue() throws MalformedLogException {
      value();
    }

    private Object literal() throws MalformedLogException {
      if (text.startsWith("true", at)) {
        at += 4;
        return Boolean.TRUE;
      }
      if (text.startsWith("false", at)) {
        at += 5;
        return Boolean.FALSE;
      }
      if (text.startsWith("null", at)) {
        at += 4;
        return null;
      }
      throw new MalformedLogException();
    }

    String string() throws MalformedLogException {
      expect('"');
      int start = at;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '"') {
          return text.substring(start, at++);
        }
        if (c == '\\') {
          return escapedString(start);
        }
        at++;
      }
      throw new MalformedLogException();
    }

    private String escapedString(int start) throws MalformedLogException {
      StringBuilder out = new StringBuilder(text.substring(start, at));
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (at >= text.length()) {
          break;
        }
        char e = text.charAt(at++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw new MalformedLogException();
            }
            try {
              out.append((char) Integer.parseInt(text, at, at + 4, 16));
            } catch (NumberFormatException x) {
              throw new MalformedLogException();
            }
            at += 4;
          }
          default -> out.append(e);
        }
      }
      throw new MalformedLogException();
    }

    /**
     * A JSON number. Up to 15 significant digits and a decimal exponent within ±22, the value is
     * one correctly rounded multiplication or division of exact doubles (Clinger's fast path); any
     * other number goes to {@link Double#parseDouble}.
     */
    double number() throws MalformedLogException {
      int start = at;
      boolean negative = text.charAt(at) == '-';
      if (negative) {
        at++;
      }
      long mantissa = 0;
      int digits = 0;
      int exponent = 0;
      boolean any = false;
      while (at < text.length() && isDigit(text.charAt(at))) {
        any = true;
        if (mantissa != 0 || text.charAt(at) != '0') {
          digits++;
        }
        mantissa = digits <= 18 ? mantissa * 10 + (text.charAt(at) - '0') : mantissa;
        exponent += digits > 18 ? 1 : 0;
        at++;
      }
      if (at < text.length() && text.charAt(at) == '.') {
        at++;
        while (at < text.length() && isDigit(text.charAt(at))) {
          any = true;
          if (mantissa != 0 || text.charAt(at) != '0') {
            digits++;
          }
          if (digits <= 18) {
            mantissa = mantissa * 10 + (text.charAt(at) - '0');
            exponent--;
          }
          at++;
        }
      }
      if (!any) {
        throw new MalformedLogException();
      }
      if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
        at++;
        boolean negativeExponent = false;
        if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
          negativeExponent = text.charAt(at) == '-';
          at++;
        }
        int value = 0;
        boolean expDigits = false;
        while (at < text.length() && isDigit(text.charAt(at))) {
          expDigits = true;
          value = Math.min(100_000, value * 10 + (text.charAt(at) - '0'));
          at++;
        }
        if (!expDigits) {
          throw new MalformedLogException();
        }
        exponent += negativeExponent ? -value : value;
      }
      if (digits <= 15 && exponent >= -22 && exponent <= 22) {
        double value = mantissa;
        value = exponent < 0 ? value / POWERS_OF_TEN[-exponent] : value * POWERS_OF_TEN[exponent];
        return negative ? -value : value;
      }
      try {
        return Double.parseDouble(text.substring(start, at));
      } catch (NumberFormatException e) {
        throw new MalformedLogException();
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
