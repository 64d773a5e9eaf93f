/**
 * The serving engine: one ONNX Runtime session per served model version, loaded and warmed up off
 * the request path, routed per deployment (primary, canary by weight, shadow copy), swapped
 * atomically when an alias moves, with optional micro-batching and a bounded prediction cache.
 *
 * <p>Sessions are reference counted ({@link org.mlplatform.serving.engine.LoadedVersion}): a swap
 * publishes a new routing table at once, and the old session is closed only when the last request
 * that acquired it has released it, so no request ever runs on a closed session.
 */
package org.mlplatform.serving.engine;
