package org.mlplatform.workflows.retraining;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a running retraining is about, read from its variables.
 *
 * @param requestedBy who asked (the alert's or schedule's owner is the workflow itself); a
 *     promotion it proposes is requested in this name, so they cannot also approve it
 * @param hyperparameters settings that replace the champion's for this retraining; empty repeats
 *     the champion's recipe
 */
public record RetrainingCase(
    String model,
    RetrainingTrigger trigger,
    String requestedBy,
    String reason,
    Map<String, String> hyperparameters,
    String processInstanceId) {

  public RetrainingCase {
    hyperparameters = Map.copyOf(hyperparameters);
  }

  static RetrainingCase of(DelegateExecution execution) {
    return new RetrainingCase(
        (String) execution.getVariable(RetrainingVariables.MODEL),
        RetrainingTrigger.of((String) execution.getVariable(RetrainingVariables.TRIGGER)),
        (String) execution.getVariable(RetrainingVariables.REQUESTED_BY),
        (String) execution.getVariable(RetrainingVariables.REASON),
        decode((String) execution.getVariable(RetrainingVariables.HYPERPARAMETERS)),
        execution.getProcessInstanceId());
  }

  /** One {@code key=value} a line, for a single string variable. */
  public static String encode(Map<String, String> settings) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(settings)
        .forEach(
            (key, value) -> {
              if (key.isBlank()
                  || key.contains("=")
                  || key.contains("\n")
                  || value.contains("\n")) {
                throw new IllegalArgumentException(
                    "hyperparameter names and values are single lines, names without '=': " + key);
              }
              text.append(key).append('=').append(value).append('\n');
            });
    return text.toString();
  }

  static Map<String, String> decode(String encoded) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (encoded != null) {
      for (String line : encoded.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          settings.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    return settings;
  }

  /** The model's portal route, for notifications. */
  public String modelRoute() {
    return "models/" + model;
  }
}
