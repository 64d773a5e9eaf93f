package org.mlplatform.serving.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The key files of the embedded default under {@code <data>/keys}: {@code artifact.key} encrypts
 * new artifacts, and {@code retired/<id>.key} are earlier keys a rotation keeps until no artifact
 * uses them. Every change is written durably before the step that relies on it, so the files always
 * hold every key some artifact on disk needs.
 */
final class KeyDirectory {

  static final String DIRECTORY = "keys";
  static final String CURRENT = "artifact.key";
  static final String RETIRED = "retired";
  private static final String SUFFIX = ".key";

  private final Path directory;

  KeyDirectory(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  static KeyDirectory in(Path dataDirectory) {
    return new KeyDirectory(dataDirectory.resolve(DIRECTORY));
  }

  Path currentFile() {
    return directory.resolve(CURRENT);
  }

  Path retiredFile(ArtifactKey key) {
    return directory.resolve(RETIRED).resolve(key.id() + SUFFIX);
  }

  /** The current key, if a key file exists. */
  Optional<ArtifactKey> current() throws IOException {
    Path file = currentFile();
    return Files.exists(file) ? Optional.of(GeneratedKeyFile.load(file)) : Optional.empty();
  }

  /** The current key, generated into its file the first time. */
  ArtifactKey currentOrGenerate() throws IOException {
    return GeneratedKeyFile.loadOrCreate(currentFile());
  }

  /** Every retired key on disk; a file whose name does not match its key is refused. */
  List<ArtifactKey> retired() throws IOException {
    Path folder = directory.resolve(RETIRED);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<ArtifactKey> keys = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX) || name.startsWith(".")) {
          continue; // a temporary file left by a crash
        }
        ArtifactKey key = GeneratedKeyFile.load(file);
        if (!name.equals(key.id() + SUFFIX)) {
          throw new IOException(
              "the retired key file "
                  + file
                  + " holds key "
                  + key.id()
                  + ", not the one its name says");
        }
        keys.add(key);
      }
    }
    return keys;
  }

  /** Keeps a key as retired (readable); does nothing when it is already kept. */
  void retire(ArtifactKey key) throws IOException {
    Path file = retiredFile(key);
    if (Files.exists(file)) {
      if (!GeneratedKeyFile.load(file).id().equals(key.id())) {
        throw new IOException("the retired key file " + file + " holds another key");
      }
      return;
    }
    DurableFiles.writeAtomically(file, GeneratedKeyFile.encode(key));
  }

  /** Makes a key the current one, replacing the current key file in one rename. */
  void replaceCurrent(ArtifactKey key) throws IOException {
    DurableFiles.writeAtomically(currentFile(), GeneratedKeyFile.encode(key));
  }

  void removeRetired(ArtifactKey key) throws IOException {
    DurableFiles.delete(retiredFile(key));
  }

  void removeCurrentFile() throws IOException {
    DurableFiles.delete(currentFile());
  }
}
