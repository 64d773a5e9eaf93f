package org.mlplatform.benchmarks.monitoring;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap's high-water marks over a stretch of work, three ways:
 *
 * <ul>
 *   <li>{@link Peaks#poolPeaks}: the sum of each heap pool's (eden, survivor, old) peak usage since
 *       {@link #start} reset them. The pools peak at different moments (eden just before a
 *       collection, old after it), so the sum bounds the heap in use from above and can exceed
 *       {@code -Xmx};
 *   <li>{@link Peaks#inUse}: the most the heap held at one moment, which is just before a
 *       collection (or at the end): from the collections' own before-GC figures;
 *   <li>{@link Peaks#live}: the most that survived a collection, the work's live data.
 * </ul>
 */
final class HeapPeak implements AutoCloseable {

  private static final List<MemoryPoolMXBean> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .toList();
  private static final Set<String> HEAP_POOL_NAMES =
      HEAP_POOLS.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

  /**
   * The three marks in bytes.
   *
   * @param poolPeaks sum of the heap pools' peaks
   * @param inUse heap in use at its fullest
   * @param live heap in use after a collection, at most
   */
  record Peaks(long poolPeaks, long inUse, long live) {}

  private final AtomicLong inUse = new AtomicLong();
  private final AtomicLong live = new AtomicLong();
  private final NotificationListener listener = this::collected;

  private HeapPeak() {}

  /** Collects what is garbage, resets the pools' peaks and starts watching collections. */
  static HeapPeak start() {
    System.gc();
    HEAP_POOLS.forEach(MemoryPoolMXBean::resetPeakUsage);
    HeapPeak peak = new HeapPeak();
    long now = used();
    peak.inUse.set(now);
    peak.live.set(now);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(peak.listener, null, null);
    }
    return peak;
  }

  /** The marks so far, the heap as it is now included. */
  Peaks peaks() {
    long now = used();
    return new Peaks(
        HEAP_POOLS.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum(),
        Math.max(inUse.get(), now),
        live.get());
  }

  @Override
  public void close() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) gc).removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException e) {
        // never added to this one
      }
    }
  }

  /** What the heap may grow to ({@code -Xmx}). */
  static long max() {
    return Runtime.getRuntime().maxMemory();
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    var info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
            .getGcInfo();
    inUse.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
    live.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
  }

  private static long heap(Map<String, MemoryUsage> pools) {
    return pools.entrySet().stream()
        .filter(pool -> HEAP_POOL_NAMES.contains(pool.getKey()))
        .mapToLong(pool -> pool.getValue().getUsed())
        .sum();
  }

  private static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
