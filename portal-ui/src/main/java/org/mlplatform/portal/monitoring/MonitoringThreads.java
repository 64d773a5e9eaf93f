package org.mlplatform.portal.monitoring;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Threads of the container's factory for analysing windows: a pool of one per core for the columns'
 * tests, and a thread per read that parses the log's JSON while the reading thread fetches. Their
 * own pool, not the managed executor: the analysing thread waits for these tasks, and waiting on
 * the executor one runs on can starve it.
 */
@ApplicationScoped
public class MonitoringThreads {

  @Resource private ManagedThreadFactory factory;

  private ExecutorService pool;

  /** The pool the columns of a window are analysed on. */
  public synchronized ExecutorService columns() {
    if (pool == null) {
      pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), factory);
    }
    return pool;
  }

  /** Where a read's parsing thread comes from. */
  public ThreadFactory parsers() {
    return factory;
  }

  @PreDestroy
  synchronized void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
