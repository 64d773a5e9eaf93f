package org.mlplatform.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The best few suggestions seen so far: names that start with what was typed before names where a
 * later word does, then shorter names, then alphabetical. A document offered twice (two of its
 * words match) keeps its better place. Small limits make a sorted list the cheapest structure.
 */
final class BestNames {

  /** A candidate: the global doc id and what ranks it. */
  record Candidate(int doc, String key, boolean wholeName) {}

  static final Comparator<Candidate> ORDER =
      Comparator.comparing((Candidate c) -> !c.wholeName())
          .thenComparingInt(c -> c.key().length())
          .thenComparing(Candidate::key)
          .thenComparingInt(Candidate::doc);

  private final int limit;
  private final List<Candidate> best;

  BestNames(int limit) {
    this.limit = limit;
    this.best = new ArrayList<>(limit + 1);
  }

  void offer(int doc, String key, boolean wholeName) {
    if (best.size() == limit) {
      // Most candidates of a short prefix lose here, after two cheap comparisons.
      Candidate worst = best.getLast();
      if (wholeName == worst.wholeName() ? key.length() > worst.key().length() : !wholeName) {
        return;
      }
    }
    Candidate candidate = new Candidate(doc, key, wholeName);
    for (int i = 0; i < best.size(); i++) {
      if (best.get(i).doc() == doc) {
        if (ORDER.compare(candidate, best.get(i)) >= 0) {
          return;
        }
        best.remove(i);
        break;
      }
    }
    int at = 0;
    while (at < best.size() && ORDER.compare(best.get(at), candidate) <= 0) {
      at++;
    }
    if (at >= limit) {
      return;
    }
    best.add(at, candidate);
    if (best.size() > limit) {
      best.removeLast();
    }
  }

  List<Candidate> best() {
    return List.copyOf(best);
  }
}
