/**
 * ONNX Runtime in the platform's JVM: one environment per process, one session per served model
 * version.
 */
package org.mlplatform.serving;
