package org.mlplatform.domain.features;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which features hold personal data: every feature of a view tagged {@value #TAG}. The tag is on
 * the view because personal data comes from a source (a customer table, say), and all columns read
 * from it are treated alike.
 */
public final class PersonalData {

  /** The view tag that marks personal data. */
  public static final String TAG = "pii";

  private PersonalData() {}

  public static boolean isPersonal(FeatureViewDefinition view) {
    return view.tags().contains(TAG);
  }

  /**
   * The references among {@code refs} whose view is tagged {@value #TAG}, in the given order.
   *
   * @param views a view by name (its newest version, whose tags are current); empty for a view that
   *     no longer exists, whose features are then not known to be personal
   */
  public static Set<FeatureRef> personal(
      Collection<FeatureRef> refs, Function<ResourceName, Optional<FeatureViewDefinition>> views) {
    Set<FeatureRef> personal = new LinkedHashSet<>();
    for (FeatureRef ref : refs) {
      if (views.apply(ref.view()).map(PersonalData::isPersonal).orElse(false)) {
        personal.add(ref);
      }
    }
    return personal;
  }
}
