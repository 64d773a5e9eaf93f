package org.mlplatform.portal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Secret settings, given either as the value itself ({@code MLP_WEBHOOK_SECRET}) or as the path of
 * a file that holds it ({@code MLP_WEBHOOK_SECRET_FILE}, the Docker and Kubernetes secrets
 * convention). The file form keys a setting as {@code <key>.file}, which MicroProfile Config maps
 * to the {@code _FILE} variable. The file's content is trimmed and read on every call, so a rotated
 * secret file is picked up where the setting is read again.
 *
 * <p>Messages name the settings, the variables and the file's path, never a value.
 */
public final class SecretValues {

  static final String FILE_SUFFIX = ".file";

  /** A secret is a password or a key; anything larger is the wrong file. */
  static final int MAX_FILE_BYTES = 64 * 1024;

  private final Function<String, Optional<String>> settings;

  /**
   * @param settings looks a key up; blank values count as absent
   */
  public SecretValues(Function<String, Optional<String>> settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The secret under {@code key}: given directly or read from the file that {@code key.file} names.
   *
   * @throws IllegalStateException both forms are given, or the file cannot be used
   */
  public Optional<String> value(String key) {
    Optional<String> direct = present(key);
    Optional<String> file = present(key + FILE_SUFFIX);
    if (direct.isPresent() && file.isPresent()) {
      throw new IllegalStateException(
          key
              + " is given twice, as "
              + environmentName(key)
              + " and as the file "
              + environmentName(key + FILE_SUFFIX)
              + " names: give one of them");
    }
    return file.isPresent() ? Optional.of(read(key, file.get().strip())) : direct;
  }

  /**
   * The environment variable MicroProfile Config reads a key from ({@code a.b-c} is {@code A_B_C}).
   */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private Optional<String> present(String key) {
    return settings.apply(key).filter(v -> !v.isBlank());
  }

  private static String read(String key, String location) {
    String variable = environmentName(key + FILE_SUFFIX);
    Path file;
    try {
      file = Path.of(location);
    } catch (InvalidPathException e) {
      throw new IllegalStateException(variable + " is not a file path: " + e.getReason());
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IllegalStateException(
            variable + " names " + file + ", which is larger than a secret can be");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(variable + " names " + file + ", which does not exist");
    } catch (IOException e) {
      // The exception's class, not its message: a message could quote part of a file some day.
      throw new IllegalStateException(
          variable
              + " names "
              + file
              + ", which cannot be read ("
              + e.getClass().getSimpleName()
              + ")");
    }
    String value = new String(bytes, StandardCharsets.UTF_8).strip();
    if (value.isEmpty()) {
      throw new IllegalStateException(variable + " names " + file + ", which is empty");
    }
    return value;
  }
}
