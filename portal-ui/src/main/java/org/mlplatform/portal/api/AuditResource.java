package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditLog;

/** {@code GET /api/v1/audit}: the newest audit records, for administrators. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  static final int MAX_LIMIT = 1000;

  @Inject private AuditLog auditLog;

  @GET
  @Allow(ApiRoles.ADMIN)
  public List<AuditEntry> latest(@QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    return auditLog.latest(limit);
  }
}
