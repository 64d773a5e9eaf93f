/**
 * Serving's language: how a model is deployed (the alias it follows, an optional canary version
 * taking a share of the traffic, an optional shadow version receiving a copy of it, request
 * batching and a prediction cache), the {@link org.mlplatform.domain.serving.TrafficSplit} that
 * decides which requests go to the canary, the prediction log's records, and the ports the
 * deployments and the log are stored through, with in-memory implementations for tests and
 * benchmarks.
 */
package org.mlplatform.domain.serving;
