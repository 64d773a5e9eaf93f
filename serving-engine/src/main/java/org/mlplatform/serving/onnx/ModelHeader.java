package org.mlplatform.serving.onnx;

/**
 * What the protobuf walk learns about a model before ONNX Runtime sees it.
 *
 * @param irVersion the ONNX IR version
 * @param defaultOpset the opset of the default domain ({@code ""} or {@code ai.onnx}); 0 when the
 *     model imports only other domains
 */
record ModelHeader(
    long irVersion, long defaultOpset, String producerName, String producerVersion) {}
