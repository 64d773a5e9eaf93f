package org.mlplatform.portal.jobs;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.channels.ClosedByInterruptException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobRepository;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.cluster.ClusterSettings;

/**
 * Runs long operations in the background as {@link Job}s. The caller gets the job at once; the work
 * runs on the managed executor (container threads, so JTA and CDI work there) and reports progress.
 *
 * <p>Progress is saved by a separate scheduled task twice a second, never on the work's own thread:
 * Payara hands a thread the connection it already holds, so saving from inside a PostgreSQL COPY
 * would wait on the COPY's own connection forever.
 *
 * <p>A job belongs to the node that queued it; when that node is gone, another takes it over
 * ({@link JobTakeover}). A run whose job was taken over can no longer save it, and its next
 * progress report stops it. A run cut short because the platform stops leaves its job unfinished,
 * not failed, so that it is taken over.
 */
@ApplicationScoped
public class JobRunner {

  private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
  private static final long SAVE_EVERY_MILLIS = 500;

  /** Reports how far the work got. */
  public interface Progress {
    /**
     * @throws TakenOverException when another node took the job over: this run is to stop
     */
    void report(double fraction, String message);
  }

  /** Thrown into a run whose job another node took over. */
  public static final class TakenOverException extends RuntimeException {
    TakenOverException(String jobId) {
      super("job " + jobId + " was taken over by another node");
    }
  }

  /** The work of a job; returns a small result summary. */
  public interface Work {
    Map<String, Object> run(Progress progress) throws Exception;
  }

  @Resource private ManagedExecutorService executor;
  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject private JobRepository jobs;
  @Inject private ClusterSettings cluster;

  private final Clock clock = Clock.systemUTC();
  private volatile boolean stopping;

  /** Queues the work and returns the queued job. */
  public Job submit(String type, String target, PlatformUser by, Work work) {
    Job queued = queue(type, target, by);
    start(queued, work);
    return queued;
  }

  /**
   * Records a queued job without starting it, for callers that must store the job's id elsewhere
   * before the work can begin; {@link #start} it next.
   */
  public Job queue(String type, String target, PlatformUser by) {
    Job queued = Job.queued(type, target, by.username(), cluster.nodeName(), clock.instant());
    jobs.save(queued);
    return queued;
  }

  /** Starts the work of a job from {@link #queue}, or of one this node took over. */
  public void start(Job queued, Work work) {
    executor.submit(() -> execute(queued, work));
  }

  private void execute(Job queued, Work work) {
    Tracker tracker = new Tracker(queued.running(0, "started", clock.instant()));
    if (!jobs.save(tracker.current)) {
      LOG.info(() -> "job " + queued.id() + " was taken over before it started here");
      return;
    }
    ScheduledFuture<?> saver =
        scheduler.scheduleWithFixedDelay(
            tracker::saveIfChanged, SAVE_EVERY_MILLIS, SAVE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    Job last;
    try {
      Map<String, Object> result =
          work.run((fraction, message) -> tracker.update(fraction, message));
      last = tracker.current.succeeded(result, "done", clock.instant());
    } catch (IllegalArgumentException e) {
      last = tracker.current.failed(e.getMessage(), clock.instant());
    } catch (TakenOverException e) {
      LOG.info(() -> e.getMessage() + "; its run here stopped");
      return;
    } catch (Exception | Error e) {
      if (stopping || interrupted(e)) {
        // Not the job's fault: it stays unfinished, for this node's next start or another node.
        LOG.info(() -> "job " + queued.id() + " left unfinished as the platform stops");
        return;
      }
      LOG.log(Level.SEVERE, "job " + queued.id() + " (" + queued.type() + ") failed", e);
      last =
          tracker.current.failed(
              "internal error; see the platform log for job " + queued.id(), clock.instant());
    } finally {
      saver.cancel(false);
    }
    tracker.finish(last);
  }

  @PreDestroy
  void stop() {
    stopping = true;
  }

  private static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof ClosedByInterruptException) {
        return true;
      }
    }
    return Thread.currentThread().isInterrupted();
  }

  /** The job's latest state, shared between the work thread and the saver. */
  private final class Tracker {
    private volatile Job current;
    private volatile boolean takenOver;
    private Job saved;
    private boolean finished;

    Tracker(Job start) {
      this.current = start;
      this.saved = start;
    }

    void update(double fraction, String message) {
      if (takenOver) {
        throw new TakenOverException(current.id());
      }
      current = current.running(fraction, message, clock.instant());
    }

    synchronized void saveIfChanged() {
      Job now = current;
      if (!finished && !takenOver && now != saved) {
        takenOver = !jobs.save(now);
        saved = now;
      }
    }

    /** The final state wins: no progress save can land after it. */
    synchronized void finish(Job last) {
      finished = true;
      current = last;
      if (!takenOver && !jobs.save(last)) {
        LOG.info(() -> "job " + last.id() + " ended here after another node took it over");
      }
    }
  }
}
