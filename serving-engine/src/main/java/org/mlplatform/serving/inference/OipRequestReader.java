package org.mlplatform.serving.inference;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads an Open Inference Protocol v2 infer request body ({@code POST /v2/models/{name}/infer}) by
 * streaming it through JSON-P: elements go straight from the parser into primitive arrays, and
 * every {@link ReadLimits limit} is enforced before the memory it guards is spent. Unknown fields,
 * and {@code parameters} at every level, are skipped. Thread-safe.
 */
public final class OipRequestReader {

  // Looking the provider up scans the class path; once per class is enough.
  private static final JsonParserFactory PARSERS =
      JsonProvider.provider().createParserFactory(Map.of());

  private final ReadLimits limits;

  public OipRequestReader(ReadLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * The request in {@code body}, which is read but not closed.
   *
   * @throws InferenceException the body is not a valid request (400) or exceeds a limit (413)
   * @throws UncheckedIOException reading the body failed
   */
  public InferenceRequest read(InputStream body) {
    try (JsonParser parser = PARSERS.createParser(new NonClosing(body))) {
      JsonCursor cursor = new JsonCursor(parser, limits);
      if (!parser.hasNext()) {
        throw new InferenceException("malformed JSON: the body is empty");
      }
      InferenceRequest request = readRequest(cursor);
      if (cursor.hasMore()) {
        throw new InferenceException("malformed JSON: content follows the request object");
      }
      return request;
    } catch (JsonParsingException e) {
      throw new InferenceException("malformed JSON: " + e.getMessage());
    } catch (JsonException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException("reading the request body failed", io);
      }
      throw new InferenceException("malformed JSON: " + e.getMessage());
    }
  }

  private static InferenceRequest readRequest(JsonCursor cursor) {
    if (cursor.next() != Event.START_OBJECT) {
      throw new InferenceException("the request must be a JSON object");
    }
    String id = null;
    List<InputTensor> inputs = null;
    List<String> outputs = null;
    while (cursor.next() != Event.END_OBJECT) {
      String key = cursor.string();
      switch (key) {
        case "id" -> {
          requireFirst(key, id);
          id = readId(cursor);
        }
        case "inputs" -> {
          requireFirst(key, inputs);
          inputs = readInputs(cursor);
        }
        case "outputs" -> {
          requireFirst(key, outputs);
          outputs = readOutputs(cursor);
        }
        default -> cursor.skipValue(cursor.next());
      }
    }
    if (inputs == null) {
      throw new InferenceException("the request has no inputs");
    }
    return new InferenceRequest(id, inputs, outputs);
  }

  private static void requireFirst(String key, Object current) {
    if (current != null) {
      throw new InferenceException("the request has the field '" + key + "' twice");
    }
  }

  private static String readId(JsonCursor cursor) {
    if (cursor.next() != Event.VALUE_STRING) {
      throw new InferenceException("the request's id must be a string");
    }
    return cursor.string();
  }

  private static List<InputTensor> readInputs(JsonCursor cursor) {
    if (cursor.next() != Event.START_ARRAY) {
      throw new InferenceException("inputs must be an array of input objects");
    }
    List<InputTensor> inputs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Event event;
    while ((event = cursor.next()) != Event.END_ARRAY) {
      if (event != Event.START_OBJECT) {
        throw new InferenceException("inputs[" + inputs.size() + "] must be an object");
      }
      InputTensor input = InputReader.read(cursor, inputs.size());
      if (!names.add(input.name())) {
        throw new InferenceException("the input '" + input.name() + "' appears twice");
      }
      inputs.add(input);
    }
    if (inputs.isEmpty()) {
      throw new InferenceException("the request has no inputs");
    }
    return inputs;
  }

  private static List<String> readOutputs(JsonCursor cursor) {
    if (cursor.next() != Event.START_ARRAY) {
      throw new InferenceException("outputs must be an array of objects with a name");
    }
    List<String> names = new ArrayList<>();
    Event event;
    while ((event = cursor.next()) != Event.END_ARRAY) {
      if (event != Event.START_OBJECT) {
        throw new InferenceException("outputs[" + names.size() + "] must be an object");
      }
      String name = readOutputName(cursor, names.size());
      if (names.contains(name)) {
        throw new InferenceException("the output '" + name + "' is requested twice");
      }
      names.add(name);
    }
    return names;
  }

  private static String readOutputName(JsonCursor cursor, int position) {
    String name = null;
    while (cursor.next() != Event.END_OBJECT) {
      if (!cursor.string().equals("name")) {
        cursor.skipValue(cursor.next());
      } else if (name != null) {
        throw new InferenceException("outputs[" + position + "] has the field 'name' twice");
      } else if (cursor.next() != Event.VALUE_STRING) {
        throw new InferenceException("outputs[" + position + "].name must be a string");
      } else {
        name = cursor.string();
      }
    }
    if (name == null) {
      throw new InferenceException("outputs[" + position + "] has no name");
    }
    return name;
  }

  /** The body belongs to the caller (the HTTP layer); closing the parser must not close it. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // left to the body's owner
    }
  }
}
