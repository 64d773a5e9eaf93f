/**
 * Checks of the Kubernetes manifests in {@code deployment/k8s}: each YAML document is read into the
 * typed Kubernetes model (fabric8), refused when any field is not in the Kubernetes schema, and
 * then checked for what the schema cannot say: probes on the health endpoints and on ports that
 * exist, resources, selectors and names that resolve within the set, ConfigMap and Secret keys that
 * exist, and MLP_* settings the launcher and README document. Everything runs offline.
 */
package org.mlplatform.deployment;
