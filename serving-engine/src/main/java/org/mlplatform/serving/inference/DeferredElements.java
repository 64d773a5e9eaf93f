package org.mlplatform.serving.inference;

import java.util.Arrays;

/**
 * Holds an input's elements when its data arrives before its datatype (JSON objects are unordered,
 * though clients nearly always send the datatype first), to be replayed into an {@link
 * ElementColumn} once the datatype is known. Costs a String per number: the uncommon path.
 */
final class DeferredElements implements ElementSink {

  private static final byte NUMBER = 0;
  private static final byte STRING = 1;
  private static final byte FALSE = 2;
  private static final byte TRUE = 3;

  private byte[] kinds = new byte[16];
  private String[] texts = new String[16];
  private int size;

  @Override
  public void number(String text, int index) {
    add(NUMBER, text);
  }

  @Override
  public void string(String value, int index) {
    add(STRING, value);
  }

  @Override
  public void bool(boolean value, int index) {
    add(value ? TRUE : FALSE, null);
  }

  void replayInto(ElementSink sink) {
    for (int i = 0; i < size; i++) {
      switch (kinds[i]) {
        case NUMBER -> sink.number(texts[i], i);
        case STRING -> sink.string(texts[i], i);
        default -> sink.bool(kinds[i] == TRUE, i);
      }
    }
  }

  private void add(byte kind, String text) {
    if (size == kinds.length) {
      int capacity = ElementColumn.grown(size);
      kinds = Arrays.copyOf(kinds, capacity);
      texts = Arrays.copyOf(texts, capacity);
    }
    kinds[size] = kind;
    texts[size] = text;
    size++;
  }
}
