/**
 * Checking an uploaded ONNX file before the platform keeps it: cheap byte-level checks that turn
 * away other formats (pickles, archives, HDF5, ...), a walk of the protobuf that refuses external
 * data, then a time-limited load in ONNX Runtime off the caller's thread that reads the model's
 * signature.
 */
package org.mlplatform.serving.onnx;
