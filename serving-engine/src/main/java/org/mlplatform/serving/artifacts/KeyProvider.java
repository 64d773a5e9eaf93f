package org.mlplatform.serving.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The keys of the artifact store: one current key that encrypts new files, and retired keys that
 * still decrypt older files until {@link EncryptedFileArtifactStore#reencryptAll()} has moved them
 * to the current key.
 */
public interface KeyProvider {

  /** Where the embedded default keeps its generated key, relative to the data directory. */
  String KEY_FILE = "keys/artifact.key";

  ArtifactKey currentKey();

  /** A key by its {@linkplain ArtifactKey#id() id}, current or retired. */
  Optional<ArtifactKey> key(String id);

  static KeyProvider of(ArtifactKey current, List<ArtifactKey> retired) {
    return new KeyRing(current, retired);
  }

  /** One key given as base64 (from a secret store, through configuration). */
  static KeyProvider fromBase64(String base64) {
    return of(ArtifactKey.fromBase64(base64), List.of());
  }

  /**
   * The key in a file, generated (readable by the owner only) when the file does not exist yet.
   * Logs a warning when it generates one: the key then lives next to the data it protects.
   */
  static KeyProvider fromKeyFile(Path keyFile) throws IOException {
    return of(GeneratedKeyFile.loadOrCreate(keyFile), List.of());
  }

  /**
   * What the platform uses: the configured key if there is one, otherwise the generated key file in
   * the data directory. When a key is configured and the data directory still has a generated key,
   * that key is kept as a retired key so that files written before the switch stay readable.
   *
   * @param configuredKey the key from configuration as base64, or empty
   * @param retiredKeys earlier configured keys as base64, still needed to read older files
   */
  static KeyProvider fromConfiguration(
      Optional<String> configuredKey, List<String> retiredKeys, Path dataDirectory)
      throws IOException {
    Path keyFile = dataDirectory.resolve(KEY_FILE);
    List<ArtifactKey> retired = new ArrayList<>();
    retiredKeys.stream()
        .filter(k -> !k.isBlank())
        .map(ArtifactKey::fromBase64)
        .forEach(retired::add);
    Optional<String> configured = configuredKey.filter(k -> !k.isBlank());
    if (configured.isEmpty()) {
      return of(GeneratedKeyFile.loadOrCreate(keyFile), retired);
    }
    if (Files.exists(keyFile)) {
      ArtifactKey generated = GeneratedKeyFile.load(keyFile);
      retired.add(generated);
      Logger.getLogger(KeyProvider.class.getName())
          .info(
              "Artifact key "
                  + generated.id()
                  + " in "
                  + keyFile
                  + " is kept as a retired key; re-encrypt the artifacts, then delete the file");
    }
    return of(ArtifactKey.fromBase64(configured.get()), retired);
  }
}
