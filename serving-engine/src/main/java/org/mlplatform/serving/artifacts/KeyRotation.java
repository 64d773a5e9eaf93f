package org.mlplatform.serving.artifacts;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.mlplatform.serving.artifacts.EncryptedFileArtifactStore.Rotation;
import org.mlplatform.serving.artifacts.EncryptedFileArtifactStore.RotationProgress;

/**
 * Moves every artifact of a data directory to a new key, with the platform stopped.
 *
 * <p>Embedded default (no key configured): a new key is generated; the old one is first written to
 * {@code keys/retired/}, then the new one replaces {@code keys/artifact.key}, then the artifacts
 * are re-encrypted one by one, and only then are retired keys that no artifact names any more
 * deleted. Each step is on disk before the next starts, so a rotation stopped anywhere leaves every
 * artifact readable by the platform, and running it again finishes the job (under yet another new
 * key).
 *
 * <p>With a configured key ({@code MLP_ARTIFACTS_KEY}) the key lives in the operator's secret
 * store, so nothing is generated: the artifacts move to the configured key, and the report says
 * which retired keys are no longer needed.
 */
public final class KeyRotation {

  private static final String LOCK_FILE = ".rotation.lock";

  private final Path dataDirectory;
  private final Optional<ArtifactKey> configured;
  private final List<ArtifactKey> configuredRetired;
  private final Consumer<String> report;

  /**
   * @param configuredKey {@code mlp.artifacts.key} as base64, or empty for the embedded default
   * @param retiredKeys {@code mlp.artifacts.retired-keys}, each base64
   * @param report receives one line per step; never a key, only key ids
   */
  public KeyRotation(
      Path dataDirectory,
      Optional<String> configuredKey,
      List<String> retiredKeys,
      Consumer<String> report) {
    this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
    this.configured = configuredKey.filter(k -> !k.isBlank()).map(ArtifactKey::fromBase64);
    this.configuredRetired =
        retiredKeys.stream().filter(k -> !k.isBlank()).map(ArtifactKey::fromBase64).toList();
    this.report = Objects.requireNonNull(report, "report");
  }

  /** What a rotation did. */
  public record Summary(
      String currentKeyId,
      int reencrypted,
      int alreadyCurrent,
      List<String> removedKeyIds,
      List<String> keptKeyIds) {

    public Summary {
      removedKeyIds = List.copyOf(removedKeyIds);
      keptKeyIds = List.copyOf(keptKeyIds);
    }
  }

  public Summary run() throws IOException {
    return run((done, total, reencrypted) -> {});
  }

  /** {@link #run()}, telling {@code progress} about each file too (tests stop a run with it). */
  Summary run(RotationProgress progress) throws IOException {
    KeyDirectory keys = KeyDirectory.in(dataDirectory);
    Path lockFile = keys.currentFile().resolveSibling(LOCK_FILE);
    Files.createDirectories(lockFile.getParent());
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = exclusive(channel)) {
      return rotate(keys, progress);
    }
  }

  /** Two rotations at once would each retire and delete keys the other still needs. */
  private FileLock exclusive(FileChannel channel) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM
    }
    if (lock == null) {
      throw new IOException("another key rotation is running on " + dataDirectory);
    }
    return lock;
  }

  private Summary rotate(KeyDirectory keys, RotationProgress progress) throws IOException {
    List<ArtifactKey> readable = new ArrayList<>(configuredRetired);
    readable.addAll(keys.retired());
    ArtifactKey current =
        configured.isPresent() ? useConfigured(keys, readable) : renew(keys, readable);

    EncryptedFileArtifactStore store =
        EncryptedFileArtifactStore.inDataDirectory(
            dataDirectory, KeyProvider.of(current, readable));
    Rotation rotation = store.reencryptAll(reporting(current).andThen(progress));

    Map<String, Integer> used = store.filesPerKey();
    List<String> removed = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    dropUnusedKeys(keys, current, used, removed, kept);
    return new Summary(
        current.id(), rotation.reencrypted(), rotation.alreadyCurrent(), removed, kept);
  }

  /**
   * Deletes the key files no artifact names any more (the headers were just read from disk, after
   * every re-encrypted file was forced there), and says which configured keys can go.
   */
  private void dropUnusedKeys(
      KeyDirectory keys,
      ArtifactKey current,
      Map<String, Integer> used,
      List<String> removed,
      List<String> kept)
      throws IOException {
    for (ArtifactKey retired : keys.retired()) {
      if (retired.id().equals(current.id()) || used.containsKey(retired.id())) {
        kept.add(retired.id());
        report.accept(keptLine(retired, used, keys.retiredFile(retired)));
      } else {
        keys.removeRetired(retired);
        removed.add(retired.id());
        report.accept("Removed retired key " + retired.id() + ": no artifact uses it any more");
      }
    }
    if (configured.isPresent()) {
      Optional<ArtifactKey> generated = keys.current();
      if (generated.isPresent() && !generated.get().id().equals(current.id())) {
        if (used.containsKey(generated.get().id())) {
          kept.add(generated.get().id());
          report.accept(keptLine(generated.get(), used, keys.currentFile()));
        } else {
          keys.removeCurrentFile();
          removed.add(generated.get().id());
          report.accept(
              "Removed the generated key file "
                  + keys.currentFile()
                  + " (key "
                  + generated.get().id()
                  + "): no artifact uses it any more");
        }
      }
    }
    for (ArtifactKey retired : configuredRetired) {
      if (!used.containsKey(retired.id()) && !retired.id().equals(current.id())) {
        report.accept(
            "Retired key "
                + retired.id()
                + " is no longer used: remove it from MLP_ARTIFACTS_RETIRED_KEYS");
      }
    }
  }

  /** Embedded default: retire the old key, then make a new one current, each durably. */
  private ArtifactKey renew(KeyDirectory keys, List<ArtifactKey> readable) throws IOException {
    Optional<ArtifactKey> old = keys.current();
    if (old.isPresent()) {
      keys.retire(old.get());
      readable.add(old.get());
      report.accept(
          "Retired key " + old.get().id() + ", still readable from " + keys.retiredFile(old.get()));
    }
    ArtifactKey fresh = ArtifactKey.generate(new SecureRandom());
    keys.replaceCurrent(fresh);
    report.accept("New key " + fresh.id() + " is current: " + keys.currentFile());
    return fresh;
  }

  private ArtifactKey useConfigured(KeyDirectory keys, List<ArtifactKey> readable)
      throws IOException {
    ArtifactKey key = configured.orElseThrow();
    keys.current().ifPresent(readable::add);
    report.accept(
        "MLP_ARTIFACTS_KEY is set: re-encrypting under that key ("
            + key.id()
            + "). To rotate it, put a new key there and the old one in"
            + " MLP_ARTIFACTS_RETIRED_KEYS before running this.");
    return key;
  }

  /** A line at every twentieth of the way, so that a large store shows it is moving. */
  private RotationProgress reporting(ArtifactKey current) {
    return (done, total, reencrypted) -> {
      if (done == 1) {
        report.accept("Re-encrypting " + total + " artifacts under key " + current.id());
      }
      int step = Math.max(1, total / 20);
      if (done % step == 0 || done == total) {
        report.accept("  " + done + "/" + total);
      }
    };
  }

  private static String keptLine(ArtifactKey key, Map<String, Integer> used, Path file) {
    return "Kept key "
        + key.id()
        + " in "
        + file
        + ": "
        + used.getOrDefault(key.id(), 0)
        + " artifacts still use it";
  }
}
