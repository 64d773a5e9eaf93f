package org.mlplatform.portal.api;

/**
 * Role names for {@link Allow}, matching DESIGN.md: reading is open to every role, writing features
 * and models needs data-scientist or admin, review needs reviewer, settings need admin.
 */
public final class ApiRoles {

  public static final String VIEWER = "viewer";
  public static final String DATA_SCIENTIST = "data-scientist";
  public static final String REVIEWER = "reviewer";
  public static final String ADMIN = "admin";

  /** Every platform role: for reading. */
  public static final String[] ANY = {VIEWER, DATA_SCIENTIST, REVIEWER, ADMIN};

  private ApiRoles() {}
}
