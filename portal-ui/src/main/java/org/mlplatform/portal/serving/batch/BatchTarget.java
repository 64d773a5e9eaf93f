package org.mlplatform.portal.serving.batch;

import java.util.Optional;
import org.mlplatform.domain.models.ModelVersionId;

/**
 * What a batch-prediction job runs, kept in the job's target so that a queued or running batch can
 * be shown before it has a result: {@code model:fraud:3 reference:fraud@champion
 * input:training-set:<id>} (or {@code input:upload}). None of the parts contains a space.
 *
 * @param reference the model as the caller named it ({@code fraud@champion}, {@code fraud:3})
 * @param input {@code training-set:<id>} or {@code upload}
 */
record BatchTarget(ModelVersionId version, String reference, String input) {

  static final String UPLOAD = "upload";

  private static final String TRAINING_SET = "training-set:";

  static String trainingSet(String id) {
    return TRAINING_SET + id;
  }

  /** Whether the input is an uploaded CSV (else a training set). */
  boolean uploaded() {
    return UPLOAD.equals(input);
  }

  /** The training set's id, when the input is one. */
  String trainingSetId() {
    return input.substring(TRAINING_SET.length());
  }

  String format() {
    return "model:" + version + " reference:" + reference + " input:" + input;
  }

  /** The target of a job this class formatted; empty for anything else. */
  static Optional<BatchTarget> parse(String target) {
    if (target == null) {
      return Optional.empty();
    }
    String model = null;
    String reference = null;
    String input = null;
    for (String part : target.split(" ")) {
      if (part.startsWith("model:")) {
        model = part.substring("model:".length());
      } else if (part.startsWith("reference:")) {
        reference = part.substring("reference:".length());
      } else if (part.startsWith("input:")) {
        input = part.substring("input:".length());
      }
    }
    int colon = model == null ? -1 : model.lastIndexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    try {
      ModelVersionId id =
          ModelVersionId.of(
              model.substring(0, colon), Integer.parseInt(model.substring(colon + 1)));
      return Optional.of(new BatchTarget(id, reference == null ? id.toString() : reference, input));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not one of ours, or damaged: shown without model details
    }
  }
}
