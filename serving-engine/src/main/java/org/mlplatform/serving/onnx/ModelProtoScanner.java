package org.mlplatform.serving.onnx;

import java.util.Optional;
import org.mlplatform.serving.onnx.InvalidModelException.Reason;

/**
 * Walks an ONNX {@code ModelProto} in protobuf wire format before ONNX Runtime sees it: checks the
 * file is complete and well-formed, reads the IR version, opset and producer, and visits every
 * {@code TensorProto} (initializers, sparse initializers, node attributes, sub-graphs of {@code
 * If}/{@code Loop}/{@code Scan}, training graphs, functions) to refuse external data.
 *
 * <p>Only the fields named below are interpreted; everything else (weights in {@code raw_data}, doc
 * strings, value infos) is skipped by its length, so the walk is one linear pass.
 */
final class ModelProtoScanner {

  // Field numbers from onnx/onnx.proto (IR version 10).
  private static final int MODEL_IR_VERSION = 1;
  private static final int MODEL_PRODUCER_NAME = 2;
  private static final int MODEL_PRODUCER_VERSION = 3;
  private static final int MODEL_GRAPH = 7;
  private static final int MODEL_OPSET_IMPORT = 8;
  private static final int MODEL_TRAINING_INFO = 20;
  private static final int MODEL_FUNCTIONS = 25;
  private static final int OPSET_DOMAIN = 1;
  private static final int OPSET_VERSION = 2;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int GRAPH_SPARSE_INITIALIZER = 15;
  private static final int NODE_ATTRIBUTE = 5;
  private static final int ATTRIBUTE_TENSOR = 5;
  private static final int ATTRIBUTE_GRAPH = 6;
  private static final int ATTRIBUTE_TENSORS = 10;
  private static final int ATTRIBUTE_GRAPHS = 11;
  private static final int ATTRIBUTE_SPARSE_TENSOR = 22;
  private static final int ATTRIBUTE_SPARSE_TENSORS = 23;
  private static final int SPARSE_VALUES = 1;
  private static final int SPARSE_INDICES = 2;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_EXTERNAL_DATA = 13;
  private static final int TENSOR_DATA_LOCATION = 14;
  private static final int ENTRY_KEY = 1;
  private static final int ENTRY_VALUE = 2;
  private static final int TRAINING_INITIALIZATION = 1;
  private static final int TRAINING_ALGORITHM = 2;
  private static final int FUNCTION_NODE = 7;
  private static final int FUNCTION_ATTRIBUTE_PROTO = 11;

  private static final int DATA_LOCATION_EXTERNAL = 1;

  /** Sub-graphs nest; protobuf's own parsers stop at 100 levels, and so do we. */
  private static final int MAX_DEPTH = 100;

  private long irVersion;
  private long defaultOpset;
  private boolean hasOpsetImport;
  private boolean hasGraph;
  private String producerName = "";
  private String producerVersion = "";

  private ModelProtoScanner() {}

  static ModelHeader scan(byte[] file) throws InvalidModelException {
    ModelProtoScanner scanner = new ModelProtoScanner();
    try {
      scanner.readModel(new ProtoReader(file));
    } catch (MalformedProtobufException e) {
      throw scanner.classify(e);
    }
    return scanner.header();
  }

  /**
   * Every serializer writes fields in number order, so a real model opens with {@code ir_version};
   * bytes that broke before it were never ONNX.
   */
  private InvalidModelException classify(MalformedProtobufException e) {
    if (irVersion == 0) {
      return new InvalidModelException(
          Reason.NOT_ONNX,
          "this is not an ONNX model: the bytes are not a protobuf ModelProto ("
              + e.getMessage()
              + ")");
    }
    if (e.isTruncated()) {
      return new InvalidModelException(
          Reason.TRUNCATED,
          "the ONNX file is truncated: " + e.getMessage() + "; upload the complete file");
    }
    return new InvalidModelException(
        Reason.MALFORMED, "the ONNX file is damaged: " + e.getMessage());
  }

  private ModelHeader header() throws InvalidModelException {
    if (irVersion <= 0) {
      throw new InvalidModelException(
          Reason.INCOMPLETE,
          "the ONNX model has no ir_version, so no runtime can tell how to read it");
    }
    if (!hasGraph) {
      throw new InvalidModelException(Reason.INCOMPLETE, "the ONNX model has no graph");
    }
    if (!hasOpsetImport) {
      throw new InvalidModelException(
          Reason.INCOMPLETE, "the ONNX model declares no opset (opset_import is empty)");
    }
    return new ModelHeader(irVersion, defaultOpset, producerName, producerVersion);
  }

  private void readModel(ProtoReader model)
      throws MalformedProtobufException, InvalidModelException {
    while (model.hasMoreFields()) {
      model.nextField();
      switch (model.fieldNumber()) {
        case MODEL_IR_VERSION -> {
          model.expectWireType(ProtoReader.VARINT, "ir_version");
          long version = model.readVarint();
          if (version <= 0) {
            throw MalformedProtobufException.malformed("ir_version " + version);
          }
          irVersion = version;
        }
        case MODEL_PRODUCER_NAME -> {
          model.expectWireType(ProtoReader.LENGTH_DELIMITED, "producer_name");
          producerName = model.readString();
        }
        case MODEL_PRODUCER_VERSION -> {
          model.expectWireType(ProtoReader.LENGTH_DELIMITED, "producer_version");
          producerVersion = model.readString();
        }
        case MODEL_GRAPH -> {
          model.expectWireType(ProtoReader.LENGTH_DELIMITED, "graph");
          hasGraph = true;
          readGraph(model.readMessage(), 1);
        }
        case MODEL_OPSET_IMPORT -> {
          model.expectWireType(ProtoReader.LENGTH_DELIMITED, "opset_import");
          readOpsetImport(model.readMessage());
        }
        case MODEL_TRAINING_INFO -> {
          model.expectWireType(ProtoReader.LENGTH_DELIMITED, "training_info");
          readTrainingInfo(model.readMessage());
        }
        case MODEL_FUNCTIONS -> {
          model.expectWireType(ProtoReader.LENGTH_DELIMITED, "functions");
          readFunction(model.readMessage());
        }
        default -> model.skipField();
      }
    }
  }

  private void readOpsetImport(ProtoReader opset) throws MalformedProtobufException {
    String domain = "";
    long version = 0;
    while (opset.hasMoreFields()) {
      opset.nextField();
      switch (opset.fieldNumber()) {
        case OPSET_DOMAIN -> {
          opset.expectWireType(ProtoReader.LENGTH_DELIMITED, "opset_import.domain");
          domain = opset.readString();
        }
        case OPSET_VERSION -> {
          opset.expectWireType(ProtoReader.VARINT, "opset_import.version");
          version = opset.readVarint();
        }
        default -> opset.skipField();
      }
    }
    hasOpsetImport = true;
    if (domain.isEmpty() || domain.equals("ai.onnx")) {
      defaultOpset = version;
    }
  }

  private void readTrainingInfo(ProtoReader training)
      throws MalformedProtobufException, InvalidModelException {
    while (training.hasMoreFields()) {
      training.nextField();
      if (training.fieldNumber() == TRAINING_INITIALIZATION
          || training.fieldNumber() == TRAINING_ALGORITHM) {
        training.expectWireType(ProtoReader.LENGTH_DELIMITED, "training_info graph");
        readGraph(training.readMessage(), 1);
      } else {
        training.skipField();
      }
    }
  }

  private void readFunction(ProtoReader function)
      throws MalformedProtobufException, InvalidModelException {
    while (function.hasMoreFields()) {
      function.nextField();
      switch (function.fieldNumber()) {
        case FUNCTION_NODE -> {
          function.expectWireType(ProtoReader.LENGTH_DELIMITED, "function node");
          readNode(function.readMessage(), 1);
        }
        case FUNCTION_ATTRIBUTE_PROTO -> {
          function.expectWireType(ProtoReader.LENGTH_DELIMITED, "function attribute");
          readAttribute(function.readMessage(), 1);
        }
        default -> function.skipField();
      }
    }
  }

  private void readGraph(ProtoReader graph, int depth)
      throws MalformedProtobufException, InvalidModelException {
    checkDepth(depth);
    while (graph.hasMoreFields()) {
      graph.nextField();
      switch (graph.fieldNumber()) {
        case GRAPH_NODE -> {
          graph.expectWireType(ProtoReader.LENGTH_DELIMITED, "node");
          readNode(graph.readMessage(), depth + 1);
        }
        case GRAPH_INITIALIZER -> {
          graph.expectWireType(ProtoReader.LENGTH_DELIMITED, "initializer");
          readTensor(graph.readMessage());
        }
        case GRAPH_SPARSE_INITIALIZER -> {
          graph.expectWireType(ProtoReader.LENGTH_DELIMITED, "sparse_initializer");
          readSparseTensor(graph.readMessage());
        }
        default -> graph.skipField();
      }
    }
  }

  private void readNode(ProtoReader node, int depth)
      throws MalformedProtobufException, InvalidModelException {
    checkDepth(depth);
    while (node.hasMoreFields()) {
      node.nextField();
      if (node.fieldNumber() == NODE_ATTRIBUTE) {
        node.expectWireType(ProtoReader.LENGTH_DELIMITED, "attribute");
        readAttribute(node.readMessage(), depth + 1);
      } else {
        node.skipField();
      }
    }
  }

  private void readAttribute(ProtoReader attribute, int depth)
      throws MalformedProtobufException, InvalidModelException {
    checkDepth(depth);
    while (attribute.hasMoreFields()) {
      attribute.nextField();
      switch (attribute.fieldNumber()) {
        case ATTRIBUTE_TENSOR, ATTRIBUTE_TENSORS -> {
          attribute.expectWireType(ProtoReader.LENGTH_DELIMITED, "attribute tensor");
          readTensor(attribute.readMessage());
        }
        case ATTRIBUTE_GRAPH, ATTRIBUTE_GRAPHS -> {
          attribute.expectWireType(ProtoReader.LENGTH_DELIMITED, "attribute graph");
          readGraph(attribute.readMessage(), depth + 1);
        }
        case ATTRIBUTE_SPARSE_TENSOR, ATTRIBUTE_SPARSE_TENSORS -> {
          attribute.expectWireType(ProtoReader.LENGTH_DELIMITED, "attribute sparse tensor");
          readSparseTensor(attribute.readMessage());
        }
        default -> attribute.skipField();
      }
    }
  }

  private void readSparseTensor(ProtoReader sparse)
      throws MalformedProtobufException, InvalidModelException {
    while (sparse.hasMoreFields()) {
      sparse.nextField();
      if (sparse.fieldNumber() == SPARSE_VALUES || sparse.fieldNumber() == SPARSE_INDICES) {
        sparse.expectWireType(ProtoReader.LENGTH_DELIMITED, "sparse tensor part");
        readTensor(sparse.readMessage());
      } else {
        sparse.skipField();
      }
    }
  }

  private void readTensor(ProtoReader tensor)
      throws MalformedProtobufException, InvalidModelException {
    String name = "";
    String location = null;
    boolean external = false;
    while (tensor.hasMoreFields()) {
      tensor.nextField();
      switch (tensor.fieldNumber()) {
        case TENSOR_NAME -> {
          tensor.expectWireType(ProtoReader.LENGTH_DELIMITED, "tensor name");
          name = tensor.readString();
        }
        case TENSOR_EXTERNAL_DATA -> {
          tensor.expectWireType(ProtoReader.LENGTH_DELIMITED, "external_data");
          external = true;
          location = readLocationEntry(tensor.readMessage()).orElse(location);
        }
        case TENSOR_DATA_LOCATION -> {
          tensor.expectWireType(ProtoReader.VARINT, "data_location");
          external |= tensor.readVarint() == DATA_LOCATION_EXTERNAL;
        }
        default -> tensor.skipField();
      }
    }
    if (external) {
      throw externalData(name, location);
    }
  }

  /** The value of a {@code location} entry; other keys (offset, length, checksum) are ignored. */
  private static Optional<String> readLocationEntry(ProtoReader entry)
      throws MalformedProtobufException {
    String key = "";
    String value = "";
    while (entry.hasMoreFields()) {
      entry.nextField();
      switch (entry.fieldNumber()) {
        case ENTRY_KEY -> {
          entry.expectWireType(ProtoReader.LENGTH_DELIMITED, "external_data key");
          key = entry.readString();
        }
        case ENTRY_VALUE -> {
          entry.expectWireType(ProtoReader.LENGTH_DELIMITED, "external_data value");
          value = entry.readString();
        }
        default -> entry.skipField();
      }
    }
    return key.equals("location") ? Optional.of(value) : Optional.empty();
  }

  /**
   * Uploads are one file, so external data could never be found even where its path is harmless;
   * the message says which of the two cases this is.
   */
  private static InvalidModelException externalData(String tensor, String location) {
    String subject = "tensor '" + ExternalDataLocations.printable(tensor) + "'";
    if (location == null) {
      return new InvalidModelException(
          Reason.EXTERNAL_DATA,
          subject
              + " is stored as external data without a location; upload a single"
              + " self-contained ONNX file");
    }
    String shown = ExternalDataLocations.printable(location);
    Optional<String> escape = ExternalDataLocations.escape(location);
    if (escape.isPresent()) {
      return new InvalidModelException(
          Reason.EXTERNAL_DATA,
          subject
              + " reads its data from '"
              + shown
              + "', which points outside the model ("
              + escape.get()
              + "); such a model is refused");
    }
    return new InvalidModelException(
        Reason.EXTERNAL_DATA,
        subject
            + " keeps its data in a separate file '"
            + shown
            + "'; uploads are a single file,"
            + " so save the model with its weights inside (onnx.save without"
            + " save_as_external_data)");
  }

  private static void checkDepth(int depth) throws MalformedProtobufException {
    if (depth > MAX_DEPTH) {
      throw MalformedProtobufException.malformed("graphs nested more than " + MAX_DEPTH + " deep");
    }
  }
}
