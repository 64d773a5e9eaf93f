package org.mlplatform.workflows;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Runs jobs (timers, asynchronous steps) on threads the application server hands out. Delegates
 * reach CDI beans whose {@code @Resource} fields the container fills only on its own threads: a
 * bean first created on one of Camunda's plain threads came up without its DataSource.
 */
final class ContainerJobExecutor extends JobExecutor {

  private final Executor threads;

  ContainerJobExecutor(Executor threads) {
    this.threads = threads;
  }

  @Override
  protected void startExecutingJobs() {
    // Acquisition only reads and locks jobs, so Camunda's own thread is fine for it.
    startJobAcquisitionThread();
  }

  @Override
  protected void stopExecutingJobs() {
    stopJobAcquisitionThread();
  }

  /**
   * One container task per job: a task is one component invocation, and a job whose work suspends
   * and resumes a transaction (a {@code REQUIRES_NEW} save, Camunda's own failed-job handling) left
   * that invocation unable to enlist the next job's connection ("Transaction is not active in the
   * current thread").
   */
  @Override
  public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
    for (int i = 0; i < jobIds.size(); i++) {
      try {
        threads.execute(getExecuteJobsRunnable(List.of(jobIds.get(i)), processEngine));
      } catch (RejectedExecutionException e) {
        List<String> rejected = jobIds.subList(i, jobIds.size());
        logRejectedExecution(processEngine, rejected.size());
        getRejectedJobsHandler().jobsRejected(rejected, processEngine, this);
        return;
      }
    }
  }
}
