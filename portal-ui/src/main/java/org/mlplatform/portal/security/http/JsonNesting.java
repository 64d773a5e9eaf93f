package org.mlplatform.portal.security.http;

/**
 * Follows the nesting of a JSON text byte by byte, without parsing it, so that a body like 100,000
 * {@code [} is refused before any parser recurses into it. Brackets inside strings do not count.
 * Works on UTF-8 as is: no byte of a multi-byte character is an ASCII bracket, quote or backslash.
 * It also tells a body that ends inside a value, which a parser's skip could spin on forever
 * (Parsson's {@code skipArray}/{@code skipObject} never see the end: eclipse-ee4j/parsson#23).
 */
final class JsonNesting {

  private final int maxDepth;
  private int depth;
  private boolean inString;
  private boolean escaped;

  JsonNesting(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  /** Takes the next bytes; false as soon as the nesting goes deeper than the limit. */
  boolean accept(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        if (++depth > maxDepth) {
          return false;
        }
      } else if ((b == ']' || b == '}') && depth > 0) {
        depth--;
      }
    }
    return true;
  }

  /** Whether the text so far ends inside a string, array or object. */
  boolean isOpen() {
    return depth > 0 || inString;
  }
}
