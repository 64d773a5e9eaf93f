package org.mlplatform.portal.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.mlplatform.domain.models.compare.LineageChange;
import org.mlplatform.domain.models.compare.MetricDelta;
import org.mlplatform.domain.models.compare.SignatureChange;
import org.mlplatform.domain.models.compare.VersionComparison;

/** The JSON shape of a comparison of two versions. */
final class ComparisonJson {

  private ComparisonJson() {}

  static Map<String, Object> of(VersionComparison comparison) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("base", comparison.base().number());
    json.put("candidate", comparison.candidate().number());
    json.put("callersFit", comparison.callersFit());
    json.put("metrics", comparison.metrics().stream().map(ComparisonJson::metric).toList());
    json.put(
        "signatureChanges",
        comparison.signatureChanges().stream().map(ComparisonJson::signature).toList());
    json.put(
        "lineageChanges",
        comparison.lineageChanges().stream().map(ComparisonJson::lineage).toList());
    return json;
  }

  private static Map<String, Object> metric(MetricDelta delta) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", delta.name());
    json.put("base", number(delta.base()));
    json.put("candidate", number(delta.candidate()));
    json.put("delta", number(delta.delta()));
    return json;
  }

  private static Map<String, Object> signature(SignatureChange change) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", change.kind().name());
    json.put("name", change.name());
    json.put("before", change.before());
    json.put("after", change.after());
    json.put("breaksCallers", change.breaksCallers());
    return json;
  }

  private static Map<String, Object> lineage(LineageChange change) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", change.kind().name());
    json.put("subject", change.subject());
    json.put("before", change.before());
    json.put("after", change.after());
    return json;
  }

  private static Double number(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
