/**
 * The serving engine inside the platform: started with ONNX Runtime, fed deployments from the
 * database and versions from the registry, swapped when an alias moves (after the move commits),
 * predictions by entity key with online features, the prediction log and serving metrics.
 */
package org.mlplatform.portal.serving;
