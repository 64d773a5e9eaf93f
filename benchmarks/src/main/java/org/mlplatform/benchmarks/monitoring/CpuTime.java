package org.mlplatform.benchmarks.monitoring;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used, to read a run's wall time on a shared machine: this JVM's (every thread: the
 * run's, the collector's, the compiler's) and the PostgreSQL server's (the sum over its processes
 * and their ended children, from Linux's {@code /proc}, so a local server only; -1 where that
 * cannot be read). The server's figure includes whatever else it did meanwhile.
 */
final class CpuTime {

  /** Linux's clock ticks per second ({@code getconf CLK_TCK}), 100 on every common kernel. */
  private static final long TICKS_PER_SECOND = 100;

  private CpuTime() {}

  static long jvmNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  static long postgresNanos() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
              .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
              .mapToLong(CpuTime::postgresTicks)
              .sum()
          * (1_000_000_000L / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * User and system ticks of a postgres process and its ended children, 0 for any other process or
   * one that has gone.
   */
  private static long postgresTicks(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      int close = stat.lastIndexOf(')');
      if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
        return 0;
      }
      String[] fields = stat.substring(close + 2).split(" ");
      // utime, stime, and cutime, cstime: the postmaster's share of its ended backends (each
      // connection of the benchmark's data source is a backend that ends when it closes)
      return Long.parseLong(fields[11])
          + Long.parseLong(fields[12])
          + Long.parseLong(fields[13])
          + Long.parseLong(fields[14]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
