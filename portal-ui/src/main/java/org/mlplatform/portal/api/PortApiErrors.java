package org.mlplatform.portal.api;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.FeatureRegistry;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.portal.serving.MissingFeatureException;
import org.mlplatform.serving.engine.ModelNotServedException;
import org.mlplatform.serving.inference.InferenceException;

/**
 * The failures of the inference port's API routes as the statuses and bodies the platform's port
 * gives them through its exception mappers ({@link ErrorMappers}, {@link ServingErrorMappers},
 * {@link ModelErrorMappers}), so a caller sees one API on either port.
 */
final class PortApiErrors {

  private static final Logger LOG = Logger.getLogger(PortApiErrors.class.getName());

  /** An error answer: status, message and the field to blame (or null). */
  record Answer(int status, String error, String field) {}

  private PortApiErrors() {}

  static Answer of(RuntimeException e, String requestId) {
    return switch (e) {
      case InferenceException bad -> new Answer(bad.status(), bad.getMessage(), null);
      case ModelNotServedException notServed ->
          new Answer(notServed.loading() ? 503 : 404, notServed.getMessage(), null);
      case MissingFeatureException missing ->
          new Answer(422, missing.getMessage(), "features." + missing.feature());
      case FeatureRegistry.NotFoundException missing -> new Answer(404, missing.getMessage(), null);
      case ModelRegistry.NotFoundException missing -> new Answer(404, missing.getMessage(), null);
      case DomainValidationException invalid ->
          new Answer(400, invalid.getMessage(), invalid.field());
      case IllegalArgumentException invalid -> new Answer(400, invalid.getMessage(), null);
      default -> {
        LOG.log(Level.SEVERE, "unexpected error on the inference port [" + requestId + "]", e);
        yield new Answer(500, "internal error", null);
      }
    };
  }
}
