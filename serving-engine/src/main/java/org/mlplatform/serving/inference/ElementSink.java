package org.mlplatform.serving.inference;

/**
 * Receives an input's data elements in row-major order as the JSON parser meets them.
 * Implementations check each element against the datatype and say which element is at fault.
 */
interface ElementSink {

  /** A JSON number, as its text: only the text lets every datatype be read exactly. */
  void number(String text, int index);

  void string(String value, int index);

  void bool(boolean value, int index);
}
