package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.ModelApi.awaitJob;
import static org.mlplatform.e2e.ModelApi.object;

import java.net.http.HttpResponse;
import java.util.Random;

/**
 * Customers with two Gaussian features in a view of their own and a training set labelled {@code
 * fraud} or {@code ok} from them ({@code x1 - x2} plus a little noise), as the model tests need.
 */
final class SyntheticCustomers {

  private SyntheticCustomers() {}

  /**
   * Defines the view, ingests the features of the first {@code withFeatures} customers (the others
   * have labels only), materializes when asked, and returns the id of the READY training set.
   */
  static String trainingSet(
      String entity,
      String key,
      String view,
      int customers,
      int withFeatures,
      long seed,
      boolean materialize,
      String token)
      throws InterruptedException {
    return trainingSet(
        RunningPlatform.BASE, entity, key, view, customers, withFeatures, seed, materialize, token);
  }

  /** The same on another platform, such as one node of a cluster. */
  static String trainingSet(
      String base,
      String entity,
      String key,
      String view,
      int customers,
      int withFeatures,
      long seed,
      boolean materialize,
      String token)
      throws InterruptedException {
    ModelApi.defineTwoFeatureView(base, entity, key, view, token);
    Random random = new Random(seed);
    StringBuilder rows = new StringBuilder("[");
    StringBuilder entityRows = new StringBuilder("[");
    for (int id = 1; id <= customers; id++) {
      double x1 = random.nextGaussian();
      double x2 = random.nextGaussian();
      String label = x1 - x2 + 0.3 * random.nextGaussian() > 0 ? "fraud" : "ok";
      if (id <= withFeatures) {
        rows.append(id > 1 ? "," : "")
            .append(
                "{\"%s\":%d,\"event_timestamp\":\"2026-04-01T00:00:00Z\",\"x1\":%s,\"x2\":%s}"
                    .formatted(key, id, x1, x2));
      }
      entityRows
          .append(id > 1 ? "," : "")
          .append(
              "{\"%s\":%d,\"event_timestamp\":\"2026-04-02T00:00:00Z\",\"label\":\"%s\"}"
                  .formatted(key, id, label));
    }
    HttpResponse<String> ingested =
        Http.json(base, "POST", "/api/v1/feature-views/" + view + "/rows", token, rows + "]");
    assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
    if (materialize) {
      HttpResponse<String> queued =
          Http.json(base, "POST", "/api/v1/feature-views/" + view + "/materialize", token, "{}");
      assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
      awaitJob(base, object(queued).getString("jobId"), token);
    }
    HttpResponse<String> set =
        Http.json(
            base,
            "POST",
            "/api/v1/training-sets",
            token,
            "{\"features\":[\"%s:x1\",\"%s:x2\"],\"entityRows\":%s]}"
                .formatted(view, view, entityRows));
    assertThat(set.statusCode()).as(set.body()).isEqualTo(202);
    awaitJob(base, object(set).getString("jobId"), token);
    return object(set).getString("id");
  }

  /** A CSV of {@code rows} random rows for batch predictions: {@code ref} and the view's x1, x2. */
  static String featureCsv(String view, int rows, long seed) {
    StringBuilder csv = new StringBuilder("ref,%s__x1,%s__x2\n".formatted(view, view));
    Random random = new Random(seed);
    for (int i = 0; i < rows; i++) {
      csv.append(i)
          .append(',')
          .append((float) random.nextGaussian())
          .append(',')
          .append((float) random.nextGaussian())
          .append('\n');
    }
    return csv.toString();
  }
}
