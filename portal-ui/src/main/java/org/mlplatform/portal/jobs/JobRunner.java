package org.mlplatform.portal.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.security.PlatformUser;

/**
 * Runs long operations in the background as {@link Job}s. The caller gets the job at once; the work
 * runs on the managed executor (container threads, so JTA and CDI work there) and reports progress,
 * which is saved at most twice a second.
 */
@ApplicationScoped
public class JobRunner {

  private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
  private static final long SAVE_EVERY_MILLIS = 500;

  /** Reports how far the work got. */
  public interface Progress {
    void report(double fraction, String message);
  }

  /** The work of a job; returns a small result summary. */
  public interface Work {
    Map<String, Object> run(Progress progress) throws Exception;
  }

  @Resource private ManagedExecutorService executor;
  @Inject private JobRepository jobs;

  private final Clock clock = Clock.systemUTC();

  /** Queues the work and returns the queued job. */
  public Job submit(String type, String target, PlatformUser by, Work work) {
    Job queued = Job.queued(type, target, by.username(), clock.instant());
    jobs.save(queued);
    executor.submit(() -> execute(queued, work));
    return queued;
  }

  private void execute(Job queued, Work work) {
    Job[] current = {queued.running(0, "started", clock.instant())};
    jobs.save(current[0]);
    long[] lastSave = {System.currentTimeMillis()};
    try {
      Map<String, Object> result =
          work.run(
              (fraction, message) -> {
                current[0] = current[0].running(fraction, message, clock.instant());
                long now = System.currentTimeMillis();
                if (now - lastSave[0] >= SAVE_EVERY_MILLIS) {
                  jobs.save(current[0]);
                  lastSave[0] = now;
                }
              });
      jobs.save(current[0].succeeded(result, "done", clock.instant()));
    } catch (IllegalArgumentException e) {
      jobs.save(current[0].failed(e.getMessage(), clock.instant()));
    } catch (Exception | Error e) {
      LOG.log(Level.SEVERE, "job " + queued.id() + " (" + queued.type() + ") failed", e);
      jobs.save(
          current[0].failed(
              "internal error; see the platform log for job " + queued.id(), clock.instant()));
    }
  }
}
