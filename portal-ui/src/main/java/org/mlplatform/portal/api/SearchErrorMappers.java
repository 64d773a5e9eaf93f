package org.mlplatform.portal.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.mlplatform.portal.search.SearchUnavailableException;
import org.mlplatform.search.InvalidQueryException;

/** Catalogue search's refusals as API errors, never a 500. */
public final class SearchErrorMappers {

  private SearchErrorMappers() {}

  /**
   * A query Lucene cannot parse, one expanding past the clause limit, or a bad parameter: 400 with
   * the reason, which is written for the user.
   */
  @Provider
  public static class InvalidQueries implements ExceptionMapper<InvalidQueryException> {
    @Override
    public Response toResponse(InvalidQueryException e) {
      return ErrorBody.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** The index is still opening: 503, worth retrying. */
  @Provider
  public static class Unavailable implements ExceptionMapper<SearchUnavailableException> {
    @Override
    public Response toResponse(SearchUnavailableException e) {
      return ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
  }
}
