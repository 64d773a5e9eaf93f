package org.mlplatform.domain.models;

/**
 * Element types of model inputs and outputs, named as the Open Inference Protocol v2 names them
 * (ONNX's {@code float} is {@code FP32}, its {@code string} is {@code BYTES}).
 */
public enum ElementType {
  BOOL,
  UINT8,
  UINT16,
  UINT32,
  UINT64,
  INT8,
  INT16,
  INT32,
  INT64,
  FP16,
  BF16,
  FP32,
  FP64,
  BYTES
}
