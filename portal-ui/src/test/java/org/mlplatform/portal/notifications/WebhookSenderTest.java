package org.mlplatform.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.notifications.Recipient;

/**
 * The webhook sender against a local HTTP server: bodies arrive signed, server errors are retried,
 * and a webhook that hangs or refuses never holds up whoever offers a notification. Waits are
 * latches with generous limits, never assertions on speed.
 */
class WebhookSenderTest {

  private static final long WAIT_SECONDS = 30;
  private static final String SECRET = "s3cret-key";

  /** One request as the server saw it. */
  private record Received(String id, String signature, String contentType, byte[] body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final CountDownLatch releaseHangingHandlers = new CountDownLatch(1);

  @AfterEach
  void stopEverything() throws Exception {
    releaseHangingHandlers.countDown();
    for (AutoCloseable c : cleanup.reversed()) {
      c.close();
    }
  }

  private static Notification note(String title) {
    return Notification.create(
        Recipient.user("alice"),
        "promotion.approved",
        title,
        "bob approved \"fraud\" v2 ✓",
        "models/fraud/versions/2",
        Instant.parse("2026-03-01T12:00:00Z"));
  }

  /** A server whose handler answers with the status {@code answer} gives for each request. */
  private URI server(Handler answer) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService pool = Executors.newCachedThreadPool();
    server.setExecutor(pool); // a hanging handler must not hold up the next request
    server.createContext(
        "/hook",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received r =
                new Received(
                    exchange.getRequestHeaders().getFirst("X-MLP-Notification-Id"),
                    exchange.getRequestHeaders().getFirst(WebhookPayload.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body);
            received.add(r);
            int status = answer.status(r, exchange);
            exchange.sendResponseHeaders(status, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
    cleanup.add(
        () -> {
          server.stop(0);
          pool.shutdownNow();
        });
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=abc");
  }

  @FunctionalInterface
  private interface Handler {
    int status(Received request, HttpExchange exchange) throws InterruptedException;
  }

  private WebhookSender sender(URI url, Optional<String> secret, int capacity, Duration timeout) {
    WebhookSender sender =
        new WebhookSender(
            new WebhookSender.Settings(
                url,
                secret,
                URI.create("https://mlp.example.com"),
                capacity,
                timeout,
                timeout,
                3,
                Duration.ofMillis(20)),
            Thread::new);
    cleanup.add(sender);
    return sender;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %d s", WAIT_SECONDS).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void postsTheNotificationAsJsonWithAVerifiableSignature() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    URI url =
        server(
            (r, exchange) -> {
              arrived.countDown();
              return 204;
            });
    WebhookSender sender = sender(url, Optional.of(SECRET), 10, Duration.ofSeconds(5));
    Notification n = note("fraud v2 is champion");

    assertThat(sender.offer(n)).isTrue();

    assertThat(arrived.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Received r = received.getFirst();
    assertThat(r.id()).isEqualTo(n.id().toString());
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.signature()).isEqualTo(WebhookPayload.signature(SECRET, r.body()));
    assertThat(r.signature()).isNotEqualTo(WebhookPayload.signature("other", r.body()));
    JsonObject json =
        Json.createReader(new StringReader(new String(r.body(), StandardCharsets.UTF_8)))
            .readObject();
    assertThat(json.getString("id")).isEqualTo(n.id().toString());
    assertThat(json.getString("topic")).isEqualTo("promotion.approved");
    assertThat(json.getJsonObject("recipient").getString("kind")).isEqualTo("user");
    assertThat(json.getJsonObject("recipient").getString("name")).isEqualTo("alice");
    assertThat(json.getString("title")).isEqualTo("fraud v2 is champion");
    assertThat(json.getString("body")).isEqualTo("bob approved \"fraud\" v2 ✓");
    assertThat(json.getString("link")).isEqualTo("models/fraud/versions/2");
    assertThat(json.getString("url")).isEqualTo("https://mlp.example.com/models/fraud/versions/2");
    assertThat(json.getString("createdAt")).isEqualTo("2026-03-01T12:00:00Z");
    await(() -> sender.delivered() == 1);
  }

  @Test
  void withoutASecretRequestsAreUnsigned() throws Exception {
    URI url = server((r, exchange) -> 200);
    WebhookSender sender = sender(url, Optional.empty(), 10, Duration.ofSeconds(5));

    sender.offer(note("unsigned"));

    await(() -> sender.delivered() == 1);
    assertThat(received).singleElement().satisfies(r -> assertThat(r.signature()).isNull());
  }

  @Test
  void aServerThatFailsTwiceThenAcceptsGetsThreeAttempts() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    URI url = server((r, exchange) -> calls.incrementAndGet() <= 2 ? 500 : 200);
    WebhookSender sender = sender(url, Optional.of(SECRET), 10, Duration.ofSeconds(5));
    Notification n = note("retried");

    sender.offer(n);

    await(() -> sender.delivered() == 1);
    assertThat(calls).hasValue(3);
    assertThat(received).extracting(Received::id).containsOnly(n.id().toString());
    assertThat(received.get(0).body()).isEqualTo(received.get(2).body());
    assertThat(sender.failed()).isZero();
  }

  @Test
  void givesUpAfterThreeServerErrorsAndDoesNotRetryOtherRefusals() throws Exception {
    URI url =
        server((r, exchange) -> exchange.getRequestURI().getQuery().contains("gone") ? 404 : 503);
    WebhookSender failing = sender(url, Optional.empty(), 10, Duration.ofSeconds(5));
    failing.offer(note("503 forever"));
    await(() -> failing.failed() == 1);
    assertThat(received).hasSize(3);

    received.clear();
    WebhookSender gone =
        sender(URI.create(url + "&gone=1"), Optional.empty(), 10, Duration.ofSeconds(5));
    gone.offer(note("404"));
    await(() -> gone.failed() == 1);
    assertThat(received).hasSize(1);
  }

  @Test
  void aWebhookThatNeverAnswersBlocksNoCallerAndTheSenderMovesOn() throws Exception {
    Notification hangs = note("this one hangs");
    Notification next = note("this one gets through");
    CountDownLatch nextArrived = new CountDownLatch(1);
    URI url =
        server(
            (r, exchange) -> {
              if (r.id().equals(hangs.id().toString())) {
                releaseHangingHandlers.await(); // until the test ends
                return 200;
              }
              nextArrived.countDown();
              return 200;
            });
    WebhookSender sender = sender(url, Optional.empty(), 10, Duration.ofMillis(300));

    // Offering returns at once although the webhook will hang: it happens on another thread, and
    // the latch only says that it returned.
    CountDownLatch offered = new CountDownLatch(2);
    Thread caller =
        new Thread(
            () -> {
              sender.offer(hangs);
              offered.countDown();
              sender.offer(next);
              offered.countDown();
            });
    caller.start();
    assertThat(offered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    // The hanging request times out (three times), then the next notification is delivered.
    assertThat(nextArrived.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    await(() -> sender.delivered() == 1 && sender.failed() == 1);
    assertThat(received.stream().filter(r -> r.id().equals(hangs.id().toString()))).hasSize(3);
  }

  @Test
  void aWebhookThatRefusesConnectionsIsRetriedAndTheSenderCarriesOn() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    WebhookSender sender =
        sender(
            URI.create("http://127.0.0.1:" + closedPort + "/hook"),
            Optional.of(SECRET),
            10,
            Duration.ofSeconds(2));

    assertThat(sender.offer(note("refused 1"))).isTrue();
    assertThat(sender.offer(note("refused 2"))).isTrue();

    await(() -> sender.failed() == 2);
    assertThat(sender.delivered()).isZero();
    assertThat(sender.queued()).isZero();
  }

  @Test
  void aFullQueueDropsNotificationsInsteadOfWaiting() throws Exception {
    CountDownLatch firstArrived = new CountDownLatch(1);
    URI url =
        server(
            (r, exchange) -> {
              firstArrived.countDown();
              releaseHangingHandlers.await();
              return 200;
            });
    WebhookSender sender = sender(url, Optional.empty(), 1, Duration.ofSeconds(20));
    sender.offer(note("in flight"));
    assertThat(firstArrived.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    int accepted = 0;
    for (int i = 0; i < 5; i++) {
      accepted += sender.offer(note("queued " + i)) ? 1 : 0;
    }

    assertThat(accepted).isEqualTo(1);
    assertThat(sender.dropped()).isEqualTo(4);
  }

  @Test
  void closingCutsOffAHangingRequestAndDropsWhatIsQueued() throws Exception {
    CountDownLatch firstArrived = new CountDownLatch(1);
    URI url =
        server(
            (r, exchange) -> {
              firstArrived.countDown();
              releaseHangingHandlers.await();
              return 200;
            });
    WebhookSender sender = sender(url, Optional.empty(), 10, Duration.ofSeconds(20));
    sender.offer(note("in flight"));
    sender.offer(note("waiting"));
    assertThat(firstArrived.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    CountDownLatch closed = new CountDownLatch(1);
    Thread closer =
        new Thread(
            () -> {
              sender.close();
              closed.countDown();
            });
    closer.start();

    assertThat(closed.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(sender.dropped()).isEqualTo(1);
    assertThat(sender.offer(note("after close"))).isFalse();
  }
}
