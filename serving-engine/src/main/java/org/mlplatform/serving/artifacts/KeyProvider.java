package org.mlplatform.serving.artifacts;

import java.io.IOException;
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
  String KEY_FILE = KeyDirectory.DIRECTORY + "/" + KeyDirectory.CURRENT;

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
   * the data directory. Retired keys are readable beside it: the configured ones, those a rotation
   * keeps in {@code keys/retired} until no artifact uses them, and, when a key is configured, a key
   * file the data directory still has, so that files written before the switch stay readable.
   *
   * @param configuredKey the key from configuration as base64, or empty
   * @param retiredKeys earlier configured keys as base64, still needed to read older files
   */
  static KeyProvider fromConfiguration(
      Optional<String> configuredKey, List<String> retiredKeys, Path dataDirectory)
      throws IOException {
    KeyDirectory directory = KeyDirectory.in(dataDirectory);
    List<ArtifactKey> retired = new ArrayList<>();
    retiredKeys.stream()
        .filter(k -> !k.isBlank())
        .map(ArtifactKey::fromBase64)
        .forEach(retired::add);
    List<ArtifactKey> rotated = directory.retired();
    retired.addAll(rotated);
    Logger log = Logger.getLogger(KeyProvider.class.getName());
    if (!rotated.isEmpty()) {
      log.info(
          () ->
              rotated.size()
                  + " retired artifact key(s) in "
                  + directory.retiredFile(rotated.getFirst()).getParent()
                  + " are still read; an interrupted rotation finishes with ./mlp rotate-keys");
    }
    Optional<String> configured = configuredKey.filter(k -> !k.isBlank());
    if (configured.isEmpty()) {
      return of(directory.currentOrGenerate(), retired);
    }
    Optional<ArtifactKey> generated = directory.current();
    if (generated.isPresent()) {
      retired.add(generated.get());
      log.info(
          "Artifact key "
              + generated.get().id()
              + " in "
              + directory.currentFile()
              + " is kept as a retired key; ./mlp rotate-keys re-encrypts the artifacts under the"
              + " configured key and then removes the file");
    }
    return of(ArtifactKey.fromBase64(configured.get()), retired);
  }
}
