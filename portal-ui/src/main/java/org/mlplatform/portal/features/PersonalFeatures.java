package org.mlplatform.portal.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mlplatform.domain.features.FeatureCatalog;
import org.mlplatform.domain.features.FeatureRef;
import org.mlplatform.domain.features.PersonalData;
import org.mlplatform.domain.features.stats.ColumnStatistics;
import org.mlplatform.domain.features.training.TrainingSet;
import org.mlplatform.domain.security.PiiAccess;
import org.mlplatform.domain.security.PlatformUser;

/**
 * Which features hold personal data, by the current tags of their views in the catalogue. Not for
 * the request path: callers ask when a version loads or a page opens.
 */
@ApplicationScoped
@Transactional
public class PersonalFeatures {

  @Inject private FeatureCatalog catalog;

  /** The personal features among {@code refs}, in their order. */
  public Set<FeatureRef> among(Collection<FeatureRef> refs) {
    return PersonalData.personal(refs, catalog::latestView);
  }

  /**
   * Why {@code reader} may not download this training set, if they may not: it holds features of a
   * view tagged pii. A file cannot be masked after the fact without breaking its recorded hash, so
   * the download is refused rather than rewritten.
   */
  public Optional<String> downloadRefusal(TrainingSet set, PlatformUser reader) {
    if (PiiAccess.maySee(reader)) {
      return Optional.empty();
    }
    Set<FeatureRef> personal = amongNames(set.features());
    if (personal.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "training set "
            + set.id()
            + " holds personal data (features of views tagged pii: "
            + personal.stream().map(FeatureRef::toString).collect(Collectors.joining(", "))
            + "); downloading it needs the role "
            + PiiAccess.allowedRoles());
  }

  /**
   * The training set's column statistics as {@code reader} may see them: columns of personal
   * features reduced to their counts (their ranges and frequent values are the data itself).
   */
  public List<ColumnStatistics> statisticsSeenBy(TrainingSet set, PlatformUser reader) {
    if (PiiAccess.maySee(reader)) {
      return set.statistics();
    }
    Set<FeatureRef> personal = amongNames(set.features());
    if (personal.isEmpty()) {
      return set.statistics();
    }
    return set.statistics().stream()
        .map(
            s ->
                FeatureNames.find(s.column()).filter(personal::contains).isPresent()
                    ? s.masked()
                    : s)
        .toList();
  }

  /** The personal features among the training-set columns or references {@code features}. */
  public Set<FeatureRef> amongNames(Collection<String> features) {
    return among(features.stream().map(FeatureNames::find).flatMap(Optional::stream).toList());
  }
}
