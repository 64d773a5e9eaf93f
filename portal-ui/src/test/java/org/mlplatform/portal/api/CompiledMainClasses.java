package org.mlplatform.portal.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every class compiled from portal-ui's main sources, loaded without running its static
 * initialisers. Scanning the output folder rather than a list keeps a new resource or view from
 * slipping past the access tests.
 */
final class CompiledMainClasses {

  private static List<Class<?>> all;

  private CompiledMainClasses() {}

  /** The main output folder ({@code target/classes}). */
  static Path folder() {
    try {
      return Path.of(MeResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The module's folder, for the files checked in beside the sources. */
  static Path moduleFolder() {
    return folder().getParent().getParent();
  }

  static synchronized List<Class<?>> all() {
    if (all == null) {
      Path root = folder();
      try (Stream<Path> files = Files.walk(root)) {
        all =
            files
                .map(f -> root.relativize(f).toString())
                .filter(n -> n.endsWith(".class") && !n.endsWith("-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()))
                .map(n -> n.replace(File.separatorChar, '.'))
                .sorted()
                .<Class<?>>map(CompiledMainClasses::load)
                .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, CompiledMainClasses.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot load " + name, e);
    }
  }
}
