/**
 * The file-system artifact store: model files named by the SHA-256 of their content, encrypted with
 * AES-256-GCM, and the keys that encrypt them (from configuration, or generated once into the data
 * directory for the embedded default); key rotation ({@link
 * org.mlplatform.serving.artifacts.KeyRotation}, run offline by {@code ./mlp rotate-keys} through
 * {@link org.mlplatform.serving.artifacts.RotateKeysCommand}).
 */
package org.mlplatform.serving.artifacts;
