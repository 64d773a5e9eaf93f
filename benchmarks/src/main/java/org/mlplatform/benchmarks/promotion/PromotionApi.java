package org.mlplatform.benchmarks.promotion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlplatform.benchmarks.MultipartUpload;
import org.mlplatform.benchmarks.RenewingToken;

/**
 * The REST calls a promotion takes, as the people who take them: alice (data scientist) creates the
 * model, uploads versions and asks for their promotion; bob (reviewer) finds the review task in his
 * inbox and approves it. Also the reads the driver waits on: the deployment's state, the model's
 * champion, a version's input and a process's outcome. Bodies are read with patterns, as the other
 * load drivers do, except the task list, which is split into its objects first.
 */
final class PromotionApi {

  /** A version's first input: the tensor name and the width of its last axis. */
  record Input(String name, int width) {}

  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
  private static final Pattern CHAMPION = Pattern.compile("\"champion\":(\\d+)");
  private static final Pattern FIRST_INPUT =
      Pattern.compile("\"inputs\":\\[\\{\"name\":\"([^\"]+)\"[^\\]]*?\"shape\":\\[([-\\d,]+)\\]");
  private static final Pattern PROCESS = Pattern.compile("\"processInstanceId\":\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
  private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([^\"]*)\"");
  private static final long POLL_MILLIS = 50;

  private final HttpClient http;
  private final URI base;
  private final RenewingToken alice;
  private final RenewingToken bob;

  PromotionApi(HttpClient http, URI base, RenewingToken alice, RenewingToken bob) {
    this.http = http;
    this.base = base;
    this.alice = alice;
    this.bob = bob;
  }

  /** Creates the model unless it exists. */
  void createModel(String model) throws IOException, InterruptedException {
    HttpResponse<String> created =
        send(
            alice.current(),
            "POST",
            "/api/v1/models",
            "application/json",
            json("{\"name\":\"" + model + "\",\"description\":\"promotion benchmark\"}"));
    if (created.statusCode() != 201 && created.statusCode() != 409) {
      throw failed("creating the model " + model, created);
    }
  }

  /** Uploads a version (multipart: the file and its metadata); returns its number. */
  int upload(String model, byte[] onnx, String metadata) throws IOException, InterruptedException {
    String boundary = "bench-" + UUID.randomUUID();
    byte[] body = MultipartUpload.body(boundary, model + ".onnx", onnx, metadata);
    HttpResponse<String> uploaded =
        send(
            alice.current(),
            "POST",
            "/api/v1/models/" + model + "/versions",
            "multipart/form-data; boundary=" + boundary,
            body);
    Matcher version = VERSION.matcher(uploaded.body());
    if (uploaded.statusCode() != 201 || !version.find()) {
      throw failed("uploading a version of " + model, uploaded);
    }
    return Integer.parseInt(version.group(1));
  }

  /** The version {@code champion} points at, if any. */
  OptionalInt champion(String model) throws IOException, InterruptedException {
    HttpResponse<String> aliases = get(alice.current(), "/api/v1/models/" + model + "/aliases");
    if (aliases.statusCode() != 200) {
      throw failed("reading the aliases of " + model, aliases);
    }
    Matcher champion = CHAMPION.matcher(aliases.body());
    return champion.find()
        ? OptionalInt.of(Integer.parseInt(champion.group(1)))
        : OptionalInt.empty();
  }

  /** The version's first input as its signature records it. */
  Input input(String model, int version) throws IOException, InterruptedException {
    HttpResponse<String> read =
        get(alice.current(), "/api/v1/models/" + model + "/versions/" + version);
    Matcher input = FIRST_INPUT.matcher(read.body());
    if (read.statusCode() != 200 || !input.find()) {
      throw failed("reading the signature of " + model + " v" + version, read);
    }
    String[] shape = input.group(2).split(",");
    return new Input(input.group(1), Integer.parseInt(shape[shape.length - 1]));
  }

  /** Alice asks for the version to become champion, at once (no canary); the process id. */
  String requestPromotion(String model, int version) throws IOException, InterruptedException {
    HttpResponse<String> asked =
        send(
            alice.current(),
            "POST",
            "/api/v1/models/" + model + "/versions/" + version + "/promotions",
            "application/json",
            json("{}"));
    Matcher process = PROCESS.matcher(asked.body());
    if (asked.statusCode() != 201 || !process.find()) {
      throw failed("asking to promote " + model + " v" + version, asked);
    }
    return process.group(1);
  }

  /**
   * The review task of the process as bob sees it in his inbox. The checks run before the request
   * returns, so the task is there at once unless they failed (the process then ended).
   */
  String reviewTask(String processInstanceId, Duration timeout)
      throws IOException, InterruptedException {
    String wanted = "\"processInstanceId\":\"" + processInstanceId + "\"";
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      HttpResponse<String> tasks = get(bob.current(), "/api/v1/tasks");
      if (tasks.statusCode() != 200) {
        throw failed("listing " + bob.user() + "'s tasks", tasks);
      }
      for (String task : objects(tasks.body())) {
        Matcher id = ID.matcher(task);
        if (task.contains(wanted) && id.find()) {
          return id.group(1);
        }
      }
      HttpResponse<String> process = get(alice.current(), "/api/v1/processes/" + processInstanceId);
      if (ended(process)) {
        throw new IllegalStateException(
            "the promotion ended before review (did a check fail?): " + process.body());
      }
      Thread.sleep(POLL_MILLIS);
    } while (System.nanoTime() - deadline < 0);
    throw new IllegalStateException(
        "no review task for process "
            + processInstanceId
            + " within "
            + timeout.toSeconds()
            + " s");
  }

  /** Bob approves the review task; returns once the platform answered 200. */
  void approve(String taskId) throws IOException, InterruptedException {
    HttpResponse<String> approved =
        send(
            bob.current(),
            "POST",
            "/api/v1/tasks/" + taskId + "/complete",
            "application/json",
            json("{\"decision\":\"approve\",\"comment\":\"benchmark\"}"));
    if (approved.statusCode() != 200) {
      throw failed("approving task " + taskId, approved);
    }
  }

  /** Waits until the model's deployment reports READY. */
  void awaitReady(String model, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> deployment;
    do {
      deployment = get(alice.current(), "/api/v1/deployments/" + model);
      Matcher state = STATE.matcher(deployment.body());
      if (deployment.statusCode() == 200 && state.find() && state.group(1).equals("READY")) {
        return;
      }
      Thread.sleep(POLL_MILLIS * 4);
    } while (System.nanoTime() - deadline < 0);
    throw failed(
        "the deployment of " + model + " not READY in " + timeout.toSeconds() + " s", deployment);
  }

  /** Waits until the process ended; returns its outcome ({@code deployed} when all went well). */
  String awaitOutcome(String processInstanceId, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> process;
    do {
      process = get(alice.current(), "/api/v1/processes/" + processInstanceId);
      if (ended(process)) {
        Matcher outcome = OUTCOME.matcher(process.body());
        return outcome.find() ? outcome.group(1) : "";
      }
      Thread.sleep(POLL_MILLIS);
    } while (System.nanoTime() - deadline < 0);
    throw failed(
        "process " + processInstanceId + " not ended in " + timeout.toSeconds() + " s", process);
  }

  /**
   * The objects of a JSON array, as text: split at the array's top level, minding strings, so a
   * field of one task is never read from the next (tasks nest their check results).
   */
  static List<String> objects(String array) {
    List<String> objects = new ArrayList<>();
    int depth = 0;
    int start = -1;
    boolean inString = false;
    for (int i = 0; i < array.length(); i++) {
      char c = array.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        if (depth++ == 0) {
          start = i;
        }
      } else if (c == '}' && --depth == 0) {
        objects.add(array.substring(start, i + 1));
      }
    }
    return objects;
  }

  /** Whether a process read answered with a state other than ACTIVE (only the process has one). */
  private static boolean ended(HttpResponse<String> process) {
    Matcher state = STATE.matcher(process.body());
    return process.statusCode() == 200 && state.find() && !state.group(1).equals("ACTIVE");
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static IllegalStateException failed(String what, HttpResponse<String> answer) {
    return new IllegalStateException(
        what + ": answered " + answer.statusCode() + ": " + answer.body());
  }

  private HttpResponse<String> get(String bearer, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + bearer)
            .header("Accept", "application/json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(
      String bearer, String method, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
