package org.mlplatform.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One YAML document of the set, read into its typed Kubernetes class.
 *
 * @param file the file's name within the set
 * @param index the document's position in the file, from 1
 * @param object the document as a typed object
 */
record Manifest(String file, int index, HasMetadata object) {

  /** Names the document in messages: file, position, kind and name. */
  String label() {
    return file + " #" + index + " " + object.getKind() + "/" + name();
  }

  String name() {
    return object.getMetadata() == null ? null : object.getMetadata().getName();
  }

  String namespace() {
    return object.getMetadata() == null ? null : object.getMetadata().getNamespace();
  }
}
