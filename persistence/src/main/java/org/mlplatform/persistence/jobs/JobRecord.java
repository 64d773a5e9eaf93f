package org.mlplatform.persistence.jobs;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlplatform.domain.jobs.Job;
import org.mlplatform.domain.jobs.JobState;

/** Row of the {@code job} table; the result summary is kept as a small JSON object. */
@Entity
@Table(name = "job")
class JobRecord {

  /** Looked up once: {@code Json.create...} searches for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Id private String id;

  @Column(nullable = false)
  private String type;

  private String target;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private JobState state;

  @Column(nullable = false)
  private double progress;

  private String message;

  @Column(name = "result_json", nullable = false)
  private String resultJson;

  private String error;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  private String node;

  @Column(nullable = false)
  private int attempt;

  protected JobRecord() {}

  static JobRecord from(Job job) {
    JobRecord r = new JobRecord();
    r.id = job.id();
    r.update(job);
    return r;
  }

  void update(Job job) {
    type = job.type();
    target = job.target();
    state = job.state();
    progress = job.progress();
    message = clip(job.message(), 1000);
    resultJson = toJson(job.result());
    error = clip(job.error(), 4000);
    createdBy = job.createdBy();
    createdAt = job.createdAt();
    updatedAt = job.updatedAt();
    node = job.node();
    attempt = job.attempt();
  }

  Job toJob() {
    return new Job(
        id,
        type,
        target,
        state,
        progress,
        message,
        fromJson(resultJson),
        error,
        createdBy,
        createdAt,
        updatedAt,
        node,
        attempt);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  private static String toJson(Map<String, Object> result) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    result.forEach(
        (k, v) -> {
          switch (v) {
            case null -> json.addNull(k);
            case Integer i -> json.add(k, i);
            case Long l -> json.add(k, l);
            case Number n -> json.add(k, n.doubleValue());
            case Boolean b -> json.add(k, b);
            default -> json.add(k, v.toString());
          }
        });
    return json.build().toString();
  }

  private static Map<String, Object> fromJson(String text) {
    JsonObject object;
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      object = reader.readObject();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    object.forEach((k, v) -> result.put(k, plain(v)));
    return result;
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case NUMBER -> {
        JsonNumber n = (JsonNumber) value;
        yield n.isIntegral() ? (Object) n.longValue() : n.doubleValue();
      }
      case STRING -> ((JsonString) value).getString();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      default -> value.toString();
    };
  }
}
