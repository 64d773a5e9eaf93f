package org.mlplatform.benchmarks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A load driver's command line: the platform's URL and Keycloak's token URL (both optional, local
 * defaults), then {@code key=value} options in any order.
 */
public record DriverArgs(URI base, URI tokenUrl, Map<String, String> options) {

  public static DriverArgs parse(String[] args) {
    URI base = URI.create("http://localhost:8080");
    URI tokenUrl = URI.create("http://localhost:8180/realms/mlp/protocol/openid-connect/token");
    Map<String, String> options = new LinkedHashMap<>();
    int positional = 0;
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0 || arg.startsWith("http")) {
        if (positional == 0) {
          base = URI.create(arg);
        } else if (positional == 1) {
          tokenUrl = URI.create(arg);
        } else {
          throw new IllegalArgumentException("unexpected argument " + arg);
        }
        positional++;
      } else {
        options.put(arg.substring(0, eq), arg.substring(eq + 1));
      }
    }
    return new DriverArgs(base, tokenUrl, Map.copyOf(options));
  }
}
