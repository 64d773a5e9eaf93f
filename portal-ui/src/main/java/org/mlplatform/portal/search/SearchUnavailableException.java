package org.mlplatform.portal.search;

/** The index is not open yet (the platform is starting, or opening it failed): 503, try later. */
public class SearchUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SearchUnavailableException() {
    super("the catalogue index is starting; try again shortly");
  }
}
