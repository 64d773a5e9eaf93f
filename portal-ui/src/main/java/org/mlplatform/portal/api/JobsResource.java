package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;

/** {@code /api/v1/jobs}: the state and progress of long operations. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

  @Inject private JobRepository jobs;

  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<Job> latest(@QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException("limit must be between 1 and 500");
    }
    return jobs.latest(limit);
  }

  @GET
  @Path("{id}")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Job get(@PathParam("id") String id) {
    return jobs.find(id).orElseThrow(() -> new NotFoundException("no job " + id));
  }
}
