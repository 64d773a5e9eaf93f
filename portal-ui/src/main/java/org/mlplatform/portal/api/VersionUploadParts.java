package org.mlplatform.portal.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.mlplatform.portal.models.VersionUpload;

/** The parts of a multipart version upload: {@code file} and the optional {@code metadata} JSON. */
final class VersionUploadParts {

  /** Made on first use: the runtime provides JSON-B, and loading classes must not need it. */
  private static volatile Jsonb jsonb;

  private VersionUploadParts() {}

  static EntityPart part(List<EntityPart> parts, String name) {
    if (parts == null) {
      return null;
    }
    return parts.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
  }

  /** The metadata part as JSON; absent or {@code null} means no metadata. */
  static VersionUpload metadata(List<EntityPart> parts) throws IOException {
    EntityPart part = part(parts, "metadata");
    if (part == null) {
      return VersionUpload.empty();
    }
    try (InputStream json = part.getContent()) {
      VersionUpload metadata = jsonb().fromJson(json, VersionUpload.class);
      return metadata == null ? VersionUpload.empty() : metadata;
    }
  }

  private static Jsonb jsonb() {
    Jsonb current = jsonb;
    if (current == null) {
      current = JsonbBuilder.create();
      jsonb = current;
    }
    return current;
  }
}
