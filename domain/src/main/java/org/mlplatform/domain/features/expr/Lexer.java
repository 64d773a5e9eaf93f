package org.mlplatform.domain.features.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlplatform.domain.features.expr.Token.Kind;

/**
 * Splits source text into tokens. Hand-written rather than regex-driven so that every error can
 * point at the exact character, and so that no pathological input can make matching slow.
 */
final class Lexer {

  private static final Map<String, Kind> KEYWORDS =
      Map.of(
          "true", Kind.TRUE,
          "false", Kind.FALSE,
          "null", Kind.NULL,
          "and", Kind.AND,
          "or", Kind.OR,
          "not", Kind.NOT);

  private final String source;
  private final List<Token> tokens = new ArrayList<>();
  private int position;

  private Lexer(String source) {
    this.source = source;
  }

  /** The tokens of {@code source}, always ending with an {@link Kind#END} token. */
  static List<Token> tokenize(String source) {
    return new Lexer(source).run();
  }

  private List<Token> run() {
    while (true) {
      skipWhitespace();
      if (position >= source.length()) {
        tokens.add(new Token(Kind.END, "", position));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipWhitespace() {
    while (position < source.length() && " \t\r\n".indexOf(source.charAt(position)) >= 0) {
      position++;
    }
  }

  private Token next() {
    char c = source.charAt(position);
    if (isDigit(c)) {
      return number();
    }
    if (isWordStart(c)) {
      return word();
    }
    if (c == '\'' || c == '"') {
      return string(c);
    }
    return symbol();
  }

  private Token number() {
    int start = position;
    skipDigits();
    boolean decimal = false;
    if (peek(0) == '.') {
      position++;
      requireDigit("expected a digit after the decimal point");
      skipDigits();
      decimal = true;
    }
    if (peek(0) == 'e' || peek(0) == 'E') {
      position++;
      if (peek(0) == '+' || peek(0) == '-') {
        position++;
      }
      requireDigit("expected a digit in the exponent");
      skipDigits();
      decimal = true;
    }
    if (isWordPart(peek(0))) {
      throw new ExpressionException(position, "a number cannot be followed by a letter");
    }
    return new Token(
        decimal ? Kind.DECIMAL : Kind.INTEGER, source.substring(start, position), start);
  }

  private void requireDigit(String problem) {
    if (!isDigit(peek(0))) {
      throw new ExpressionException(position, problem);
    }
  }

  private void skipDigits() {
    while (isDigit(peek(0))) {
      position++;
    }
  }

  private Token word() {
    int start = position;
    while (isWordPart(peek(0))) {
      position++;
    }
    String text = source.substring(start, position);
    Kind keyword = KEYWORDS.get(text.toLowerCase(Locale.ROOT));
    return new Token(keyword == null ? Kind.IDENTIFIER : keyword, text, start);
  }

  private Token string(char quote) {
    int start = position;
    position++;
    StringBuilder value = new StringBuilder();
    while (position < source.length()) {
      char c = source.charAt(position);
      if (c == quote) {
        position++;
        return new Token(Kind.STRING, value.toString(), start);
      }
      if (c == '\\' && position + 1 < source.length()) {
        value.append(escape());
      } else {
        value.append(c);
        position++;
      }
    }
    throw new ExpressionException(start, "unterminated string; close it with " + quote);
  }

  private char escape() {
    int start = position;
    char c = source.charAt(position + 1);
    position += 2;
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case '\\', '\'', '"' -> c;
      case 'u' -> unicodeEscape(start);
      default ->
          throw new ExpressionException(
              start,
              "unknown escape '\\"
                  + c
                  + "'; use \\n, \\t, \\r, \\\\, \\', \\\" or \\u followed by 4 hex digits");
    };
  }

  private char unicodeEscape(int start) {
    if (position + 4 > source.length()) {
      throw new ExpressionException(start, "\\u must be followed by 4 hex digits");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(source.charAt(position + i), 16);
      if (digit < 0) {
        throw new ExpressionException(start, "\\u must be followed by 4 hex digits");
      }
      code = code * 16 + digit;
    }
    position += 4;
    return (char) code;
  }

  private Token symbol() {
    int start = position;
    char c = source.charAt(position);
    char following = peek(1);
    return switch (c) {
      case '+' -> single(Kind.PLUS);
      case '-' -> single(Kind.MINUS);
      case '*' -> single(Kind.STAR);
      case '/' -> single(Kind.SLASH);
      case '%' -> single(Kind.PERCENT);
      case '(' -> single(Kind.LEFT_PAREN);
      case ')' -> single(Kind.RIGHT_PAREN);
      case ',' -> single(Kind.COMMA);
      case '?' -> single(Kind.QUESTION);
      case ':' -> single(Kind.COLON);
      case '<' -> following == '=' ? pair(Kind.LESS_OR_EQUAL) : single(Kind.LESS);
      case '>' -> following == '=' ? pair(Kind.GREATER_OR_EQUAL) : single(Kind.GREATER);
      case '!' -> following == '=' ? pair(Kind.NOT_EQUAL) : single(Kind.NOT);
      case '=' -> following == '=' ? pair(Kind.EQUAL) : refuse(start, "'='; use '==' to compare");
      case '&' -> following == '&' ? pair(Kind.AND) : refuse(start, "'&'; use '&&' or 'and'");
      case '|' -> following == '|' ? pair(Kind.OR) : refuse(start, "'|'; use '||' or 'or'");
      default -> refuse(start, "character " + describe(source.codePointAt(start)));
    };
  }

  private Token single(Kind kind) {
    position++;
    return new Token(kind, source.substring(position - 1, position), position - 1);
  }

  private Token pair(Kind kind) {
    position += 2;
    return new Token(kind, source.substring(position - 2, position), position - 2);
  }

  private static Token refuse(int position, String what) {
    throw new ExpressionException(position, "unexpected " + what);
  }

  private static String describe(int codePoint) {
    return codePoint > 0x20 && codePoint < 0x7f
        ? "'" + (char) codePoint + "'"
        : String.format(Locale.ROOT, "U+%04X", codePoint);
  }

  private char peek(int ahead) {
    int at = position + ahead;
    return at < source.length() ? source.charAt(at) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || isDigit(c);
  }
}
