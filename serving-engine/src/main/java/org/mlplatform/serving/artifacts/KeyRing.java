package org.mlplatform.serving.artifacts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A fixed current key and the retired keys beside it. */
record KeyRing(ArtifactKey current, List<ArtifactKey> retired) implements KeyProvider {

  KeyRing {
    Objects.requireNonNull(current, "current");
    retired = List.copyOf(retired);
  }

  @Override
  public ArtifactKey currentKey() {
    return current;
  }

  @Override
  public Optional<ArtifactKey> key(String id) {
    return Stream.concat(Stream.of(current), retired.stream())
        .filter(k -> k.id().equals(id))
        .findFirst();
  }
}
