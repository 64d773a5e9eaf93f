package org.mlplatform.persistence.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The migrations named in {@code db/migration/index.txt}, read one by one from the class path.
 *
 * <p>Why not Flyway's class-path scanning: inside Payara it closes the application class loader's
 * handle on the jar it scans, and the next class loaded from the WAR fails with "zip file closed".
 * Reading named resources never opens the jar itself. {@code MigrationIndexTest} keeps the index in
 * step with the folder.
 */
final class IndexedMigrations implements ResourceProvider {

  static final String ROOT = "db/migration/";
  static final String INDEX = ROOT + "index.txt";

  private final ClassLoader loader;
  private final List<MigrationFile> files;

  IndexedMigrations(ClassLoader loader, String vendor) {
    this.loader = loader;
    this.files =
        readIndex(loader).stream()
            .filter(path -> path.startsWith("common/") || path.startsWith(vendor + "/"))
            .map(MigrationFile::new)
            .toList();
  }

  /** Every path in the index, relative to {@code db/migration/}. */
  static List<String> readIndex(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      if (in == null) {
        throw new IllegalStateException(INDEX + " is missing from the class path");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + INDEX, e);
    }
  }

  @Override
  public LoadableResource getResource(String name) {
    return files.stream()
        .filter(f -> f.getRelativePath().equals(name) || f.getFilename().equals(name))
        .findFirst()
        .orElse(null);
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return files.stream()
        .filter(f -> f.getFilename().startsWith(prefix))
        .filter(f -> Arrays.stream(suffixes).anyMatch(f.getFilename()::endsWith))
        .map(LoadableResource.class::cast)
        .toList();
  }

  private final class MigrationFile extends LoadableResource {
    private final String relativePath;

    MigrationFile(String relativePath) {
      this.relativePath = relativePath;
    }

    @Override
    public Reader read() {
      InputStream in = loader.getResourceAsStream(ROOT + relativePath);
      if (in == null) {
        throw new IllegalStateException(
            "migration " + ROOT + relativePath + " is in the index but missing");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return ROOT + relativePath;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    @Override
    public String getRelativePath() {
      return relativePath;
    }
  }
}
