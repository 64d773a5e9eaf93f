package org.mlplatform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MLP_* settings the platform documents: every name the README and the launcher mention, and
 * the secrets, which the launcher lists and which alone may also be given as {@code <NAME>_FILE}.
 *
 * @param names documented setting names
 * @param secrets the settings that are secrets
 */
record DocumentedSettings(Set<String> names, Set<String> secrets) {

  private static final Pattern NAME = Pattern.compile("\\bMLP_[A-Z0-9_]*[A-Z0-9]\\b");
  private static final Pattern SECRET_LIST =
      Pattern.compile("(?m)^readonly (?:LAUNCHER|PLATFORM)_SECRETS=\\(([^)]*)\\)");

  /** Reads the README and the launcher ({@code ./mlp}) of the checkout. */
  static DocumentedSettings read(Path readme, Path launcher) {
    String docs = text(readme) + "\n" + text(launcher);
    Set<String> names = new HashSet<>();
    Matcher m = NAME.matcher(docs);
    while (m.find()) {
      names.add(m.group());
    }
    Set<String> secrets = new HashSet<>();
    Matcher lists = SECRET_LIST.matcher(text(launcher));
    while (lists.find()) {
      Arrays.stream(lists.group(1).trim().split("\\s+")).forEach(secrets::add);
    }
    if (secrets.isEmpty()) {
      throw new IllegalStateException(
          launcher + " no longer lists LAUNCHER_SECRETS/PLATFORM_SECRETS; update this reader");
    }
    names.removeIf(n -> n.endsWith("_FILE"));
    return new DocumentedSettings(Set.copyOf(names), Set.copyOf(secrets));
  }

  /** Whether a pod may set this variable: documented, or the file form of a secret. */
  boolean allows(String name) {
    return name.endsWith("_FILE")
        ? secrets.contains(name.substring(0, name.length() - "_FILE".length()))
        : names.contains(name);
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
