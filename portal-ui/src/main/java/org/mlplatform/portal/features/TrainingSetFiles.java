package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;
import org.mlplatform.portal.config.PlatformSettings;

/**
 * The CSV files of training-set snapshots under {@code <data dir>/training-sets}. A file is written
 * under a temporary name and moved into place when complete, so a reader never sees half a
 * snapshot; names are parsed UUIDs, so no path trick can reach another file.
 */
@ApplicationScoped
public class TrainingSetFiles {

  @Inject private PlatformSettings settings;

  /**
   * Writes a snapshot's file.
   *
   * @return the hex SHA-256 of what was written
   */
  public String write(String id, Consumer<Writer> content) {
    Path target = path(id);
    Path temporary = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.createDirectories(target.getParent());
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      try (OutputStream file = Files.newOutputStream(temporary);
          DigestOutputStream digest = new DigestOutputStream(file, sha256);
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(digest, StandardCharsets.UTF_8), 1 << 16)) {
        content.accept(writer);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      return HexFormat.of().formatHex(sha256.digest());
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    } catch (RuntimeException e) {
      deleteQuietly(temporary);
      throw e;
    }
  }

  public InputStream open(String id) throws IOException {
    return Files.newInputStream(path(id));
  }

  public long size(String id) throws IOException {
    return Files.size(path(id));
  }

  public boolean exists(String id) {
    return Files.isRegularFile(path(id));
  }

  /** Where a snapshot's file lives (a UUID names it, so nothing else can be reached). */
  public Path path(String id) {
    String canonical = UUID.fromString(id).toString(); // refuses anything but a UUID
    return settings.sharedDir().resolve("training-sets").resolve(canonical + ".csv");
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // the failure being reported matters more than a leftover temporary file
    }
  }
}
