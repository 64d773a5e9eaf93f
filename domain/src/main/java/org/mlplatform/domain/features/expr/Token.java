package org.mlplatform.domain.features.expr;

/**
 * One lexical unit. For string literals {@code text} holds the decoded value; for everything else
 * it is the source text as written.
 */
record Token(Kind kind, String text, int position) {

  enum Kind {
    INTEGER,
    DECIMAL,
    STRING,
    IDENTIFIER,
    TRUE,
    FALSE,
    NULL,
    AND,
    OR,
    NOT,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    PERCENT,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    EQUAL,
    NOT_EQUAL,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    QUESTION,
    COLON,
    END
  }

  /** How the token is named in error messages. */
  String describe() {
    return switch (kind) {
      case END -> "end of input";
      case STRING -> "a string";
      default -> "'" + text + "'";
    };
  }
}
