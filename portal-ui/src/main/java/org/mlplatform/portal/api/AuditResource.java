package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.mlplatform.domain.audit.AuditCsv;
import org.mlplatform.domain.audit.AuditLog;
import org.mlplatform.portal.api.AuditQueryParameters.Raw;

/**
 * {@code /api/v1/audit}, for administrators: the audit records, filtered and paged, newest first,
 * as JSON or as a streamed CSV export ({@code Accept: text/csv} or {@code ?format=csv}); and {@code
 * /verify}, which checks the hash chain.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject private AuditLog auditLog;

  /**
   * The records that pass the filters: {@code actor} (exactly), {@code action} (a prefix), {@code
   * target} (contained, ignoring case), {@code outcome}, {@code from} (inclusive) and {@code to}
   * (exclusive) as ISO-8601 instants; paged by {@code offset} and {@code limit}. JSON answers carry
   * the number of matching records in {@code X-Total-Count}.
   */
  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Allow(ApiRoles.ADMIN)
  public Response latest(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("target") String target,
      @QueryParam("outcome") String outcome,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("format") String format,
      @Context HttpHeaders headers) {
    AuditQueryParameters query =
        AuditQueryParameters.parse(
            new Raw(actor, action, target, outcome, from, to, limit, offset, format),
            headers.getAcceptableMediaTypes());
    if (query.csv()) {
      StreamingOutput csv =
          out -> {
            Writer writer =
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            auditLog.forEach(query.filter(), query.offset(), query.limit(), new AuditCsv(writer));
            writer.flush();
          };
      String name = "audit-" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ".csv";
      return Response.ok(csv, "text/csv; charset=UTF-8")
          .header("Content-Disposition", "attachment; filename=\"" + name.replace(':', '-') + "\"")
          .build();
    }
    return Response.ok(
            auditLog.find(query.filter(), query.offset(), (int) query.limit()).stream()
                .map(AuditJson::of)
                .toList(),
            MediaType.APPLICATION_JSON_TYPE)
        .header("X-Total-Count", auditLog.count(query.filter()))
        .build();
  }

  /**
   * Checks the whole hash chain: {@code {"intact":true,"records":N}}, or {@code {"intact":false,
   * "firstBroken":{"seq":..,"id":..,"reason":..,"detail":..}}}.
   */
  @GET
  @Path("verify")
  @Allow(ApiRoles.ADMIN)
  public Map<String, Object> verify() {
    return AuditJson.verification(auditLog.verify());
  }
}
