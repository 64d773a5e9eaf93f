package org.mlplatform.portal.serving.oip;

import java.util.OptionalInt;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.serving.engine.ModelNotServedException;

/** A parsed {@code /v2} path. */
record V2Path(V2Path.Kind kind, ResourceName model, OptionalInt version) {

  enum Kind {
    SERVER,
    LIVE,
    READY,
    MODEL,
    MODEL_READY,
    INFER
  }

  boolean isInfer() {
    return kind == Kind.INFER;
  }

  static V2Path parse(String pathInfo) {
    String path = pathInfo == null ? "" : pathInfo;
    if (path.isEmpty() || path.equals("/")) {
      return new V2Path(Kind.SERVER, null, OptionalInt.empty());
    }
    if (path.equals("/health/live")) {
      return new V2Path(Kind.LIVE, null, OptionalInt.empty());
    }
    if (path.equals("/health/ready")) {
      return new V2Path(Kind.READY, null, OptionalInt.empty());
    }
    String[] parts = path.substring(1).split("/", -1);
    if (parts.length < 2 || !parts[0].equals("models")) {
      throw new ModelNotServedException("no such endpoint: /v2" + path, false);
    }
    ResourceName model = ResourceName.of("model", parts[1]);
    int next = 2;
    OptionalInt version = OptionalInt.empty();
    if (parts.length > 3 && parts[2].equals("versions")) {
      version = OptionalInt.of(versionNumber(parts[3]));
      next = 4;
    }
    if (parts.length == next) {
      return new V2Path(Kind.MODEL, model, version);
    }
    if (parts.length == next + 1 && parts[next].equals("ready")) {
      return new V2Path(Kind.MODEL_READY, model, version);
    }
    if (parts.length == next + 1 && parts[next].equals("infer")) {
      return new V2Path(Kind.INFER, model, version);
    }
    throw new ModelNotServedException("no such endpoint: /v2" + path, false);
  }

  private static int versionNumber(String text) {
    try {
      int number = Integer.parseInt(text);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Falls through to the error below.
    }
    throw new IllegalArgumentException("a version is a number from 1, got '" + text + "'");
  }
}
