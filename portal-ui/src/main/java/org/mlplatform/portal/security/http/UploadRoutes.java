package org.mlplatform.portal.security.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The API routes that take uploads larger than the general body limit. Each streams its body and
 * keeps a limit of its own: model files ({@code mlp.models.max-upload-bytes}, 413), batch
 * prediction CSVs ({@code mlp.batch.max-upload-bytes}, 413), feature rows (spooled to disk, large
 * ones as a job) and entity-row CSVs for training sets (a row limit).
 */
final class UploadRoutes {

  private record Route(Pattern path, String contentType) {
    boolean matches(String requestPath, String requestType) {
      return path.matcher(requestPath).matches()
          && (contentType == null || contentType.equals(requestType));
    }
  }

  private static final List<Route> ROUTES =
      List.of(
          new Route(Pattern.compile("/api/v1/models/[^/]+/versions"), null),
          new Route(Pattern.compile("/api/v1/feature-views/[^/]+/rows"), null),
          new Route(Pattern.compile("/api/v1/batch-predictions"), "text/csv"),
          new Route(Pattern.compile("/api/v1/training-sets"), "text/csv"));

  private UploadRoutes() {}

  /**
   * Whether a request is one of those uploads.
   *
   * @param path the decoded path within the application
   * @param contentType the Content-Type header, parameters and all, or null
   */
  static boolean isUpload(String method, String path, String contentType) {
    if (!"POST".equals(method)) {
      return false;
    }
    String type = mediaType(contentType);
    return ROUTES.stream().anyMatch(route -> route.matches(path, type));
  }

  /** Whether a body is JSON by its Content-Type; none is taken as JSON, the API's default. */
  static boolean isJson(String contentType) {
    String type = mediaType(contentType);
    return type == null || type.equals("application/json") || type.endsWith("+json");
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
