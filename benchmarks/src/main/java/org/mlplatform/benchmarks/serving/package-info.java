/**
 * The serving benchmark ({@link org.mlplatform.benchmarks.serving.ServingLoadDriver}): one Tribuo
 * logistic regression of 8 features, measured in one run as a bare in-process ONNX Runtime session,
 * behind a minimal JDK {@code HttpServer} (the floor for HTTP plus JSON), through the platform's
 * {@code /v2} Open Inference Protocol endpoint and through its predict-by-entity-key endpoint;
 * every answer is checked against the bare session's.
 */
package org.mlplatform.benchmarks.serving;
