package org.mlplatform.portal.security.http;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The web origins whose browser code may call the API ({@code https://app.example.com}, exactly:
 * scheme, host and port). Never a wildcard: the API answers with bearer tokens and personal data.
 */
final class CorsOrigins {

  private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.\\[\\]:-]+");

  private final Set<String> origins;

  private CorsOrigins(Set<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  static CorsOrigins none() {
    return new CorsOrigins(Set.of());
  }

  /**
   * Parses the comma-separated setting.
   *
   * @throws IllegalStateException for {@code *} or an entry that is not an origin
   */
  static CorsOrigins parse(String setting) {
    Set<String> origins = new LinkedHashSet<>();
    if (setting != null) {
      for (String entry : setting.split(",")) {
        String origin = normalise(entry);
        if (origin.isEmpty()) {
          continue;
        }
        if (!ORIGIN.matcher(origin).matches()) {
          throw new IllegalStateException(
              "mlp.cors.origins (MLP_CORS_ORIGINS) lists exact origins such as"
                  + " https://app.example.com, not '"
                  + entry.strip()
                  + "'");
        }
        origins.add(origin);
      }
    }
    return new CorsOrigins(origins);
  }

  boolean allows(String origin) {
    return origin != null && origins.contains(normalise(origin));
  }

  boolean isEmpty() {
    return origins.isEmpty();
  }

  private static String normalise(String origin) {
    String value = origin.strip().toLowerCase(Locale.ROOT);
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
