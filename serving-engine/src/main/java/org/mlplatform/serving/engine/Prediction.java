package org.mlplatform.serving.engine;

import java.util.List;
import java.util.UUID;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.serving.inference.OutputTensor;

/**
 * One answered request.
 *
 * @param id the prediction id under which it is logged and feedback can refer to it
 * @param nanos time spent in the engine, queueing for a batch included
 */
public record Prediction(
    UUID id,
    ModelVersionId version,
    Route route,
    List<OutputTensor> outputs,
    long nanos,
    int batchSize,
    boolean cached) {}
