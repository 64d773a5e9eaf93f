package org.mlplatform.serving.artifacts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File operations that survive a crash or a power cut: content is forced to disk before it is
 * renamed into place, and the directory is forced after a rename or delete, so that what a later
 * step relies on (a key file, a re-encrypted artifact) is on disk before that step runs.
 */
final class DurableFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private DurableFiles() {}

  /**
   * Writes text to a private (owner-only) temporary file beside the target and forces it to disk.
   * The caller moves or links it into place.
   */
  static Path writeTemporary(Path target, String text) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary =
        Files.createTempFile(
            directory, "." + target.getFileName() + "-", ".tmp", ownerOnly(directory));
    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    return temporary;
  }

  /** Atomically puts a file (already forced) in the place of the target, then forces the rename. */
  static void replace(Path source, Path target) throws IOException {
    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(target.toAbsolutePath().getParent());
  }

  /** Writes text to the target atomically: readers see the old file or the whole new one. */
  static void writeAtomically(Path target, String text) throws IOException {
    Path temporary = writeTemporary(target, text);
    try {
      replace(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Deletes a file and forces the deletion to disk. */
  static void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
    forceDirectory(file.toAbsolutePath().getParent());
  }

  /**
   * Forces a directory's entries (renames, new and deleted names) to disk. Some file systems and
   * platforms cannot open a directory for this; the rename itself is still atomic there.
   */
  static void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (UnsupportedOperationException | AccessDeniedException e) {
      // Windows cannot open a directory as a channel; nothing more can be done there.
    }
  }

  static FileAttribute<?>[] ownerOnly(Path directory) {
    return supportsPosix(directory)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  static boolean readableByOthers(Path file) throws IOException {
    return supportsPosix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file));
  }

  private static boolean supportsPosix(Path path) {
    return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
  }
}
