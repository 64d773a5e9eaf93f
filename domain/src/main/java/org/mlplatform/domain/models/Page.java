package org.mlplatform.domain.models;

import java.util.List;
import java.util.Objects;

/**
 * A slice of a list and the length of the whole list.
 *
 * @param total how many items the whole list has
 */
public record Page<T>(List<T> items, long total, PageRequest request) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(request, "request");
  }

  /** The slice {@code request} of a complete list. */
  public static <T> Page<T> of(List<T> all, PageRequest request) {
    int from = (int) Math.min(all.size(), request.offset());
    int to = (int) Math.min(all.size(), (long) from + request.limit());
    return new Page<>(all.subList(from, to), all.size(), request);
  }

  public boolean hasNext() {
    return request.offset() + items.size() < total;
  }
}
