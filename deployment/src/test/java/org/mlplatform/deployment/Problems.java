package org.mlplatform.deployment;

import java.util.ArrayList;
import java.util.List;

/** What is wrong with a manifest set, one message per finding, each naming document and field. */
final class Problems {

  private final List<String> messages = new ArrayList<>();

  void add(String where, String field, String message) {
    messages.add(where + ": " + field + ": " + message);
  }

  void add(Manifest manifest, String field, String message) {
    add(manifest.label(), field, message);
  }

  List<String> messages() {
    return List.copyOf(messages);
  }
}
