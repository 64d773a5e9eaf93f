package org.mlplatform.workflows.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to train, in the caller's terms; {@link TribuoTrainer} validates it.
 *
 * @param label the name of the training-set column to predict
 * @param algorithm a {@link TrainingAlgorithm} id, for example {@code logistic-regression}
 * @param hyperparameters optional settings by name (see {@link TrainingSettings}); values are text
 *     as they arrive in JSON or a form
 */
public record TrainingRequest(String label, String algorithm, Map<String, String> hyperparameters) {

  public TrainingRequest {
    // Not Map.copyOf: a null value from JSON must reach validation and be named there, not NPE
    // here.
    hyperparameters =
        hyperparameters == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
  }
}
