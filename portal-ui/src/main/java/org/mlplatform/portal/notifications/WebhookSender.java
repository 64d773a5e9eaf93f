package org.mlplatform.portal.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlplatform.domain.notifications.Notification;

/**
 * Posts notifications to one webhook, on a thread of its own. Callers only offer to a small bounded
 * queue and never wait: when the queue is full the notification is dropped and logged (it is still
 * in every inbox). Each notification gets a few attempts with a growing pause between them; a
 * connection that cannot open, an answer that does not come within the request timeout, a 5xx, 408,
 * 425 or 429 is retried, any other non-2xx answer is not. A webhook that hangs or refuses costs the
 * sender thread at most its timeouts per attempt, never a caller.
 *
 * <p>Every request carries {@code X-MLP-Notification-Id} (receivers may see a notification twice
 * when an answer is lost) and, with a secret, {@value WebhookPayload#SIGNATURE_HEADER}. Logs name
 * the webhook by scheme and host only: its URL may carry a token.
 */
public final class WebhookSender implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

  /**
   * How the sender reaches its webhook.
   *
   * @param url where to post
   * @param secret the HMAC-SHA256 key, empty for unsigned requests
   * @param portalUrl the portal's public URL, for absolute links in the body; may be null
   * @param capacity notifications that may wait; at least 1
   * @param connectTimeout how long opening a connection may take
   * @param requestTimeout how long the answer may take once connected
   * @param attempts tries per notification; at least 1
   * @param backoff the pause after the first failed try, doubled after each further one
   */
  public record Settings(
      URI url,
      Optional<String> secret,
      URI portalUrl,
      int capacity,
      Duration connectTimeout,
      Duration requestTimeout,
      int attempts,
      Duration backoff) {

    public Settings {
      Objects.requireNonNull(url, "url");
      secret = Objects.requireNonNullElse(secret, Optional.<String>empty());
      if (capacity < 1 || attempts < 1) {
        throw new IllegalArgumentException("capacity and attempts are at least 1");
      }
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      Objects.requireNonNull(backoff, "backoff");
    }

    /** The platform's choice: connect in 2 s, answer in 5 s, 3 attempts 1 s and 2 s apart. */
    public static Settings of(URI url, Optional<String> secret, URI portalUrl, int capacity) {
      return new Settings(
          url,
          secret,
          portalUrl,
          capacity,
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          3,
          Duration.ofSeconds(1));
    }
  }

  /** One queued delivery: the body is built when offered, so the sender only sends. */
  private record Delivery(Notification notification, byte[] body) {}

  private final Settings settings;
  private final String target;
  private final HttpClient http;
  private final BlockingQueue<Delivery> queue;
  private final Thread sender;
  private final LongAdder delivered = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private volatile boolean closing;

  public WebhookSender(Settings settings, ThreadFactory threads) {
    this.settings = settings;
    this.target = settings.url().getScheme() + "://" + settings.url().getAuthority();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.queue = new ArrayBlockingQueue<>(settings.capacity());
    this.sender = threads.newThread(this::drain);
    sender.setName("mlp-webhook");
    sender.setDaemon(true);
    sender.start();
  }

  /**
   * Queues a notification for the webhook; never blocks.
   *
   * @return false when it was dropped (queue full, or the sender is closing)
   */
  public boolean offer(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    if (!closing
        && queue.offer(
            new Delivery(notification, WebhookPayload.json(notification, settings.portalUrl())))) {
      return true;
    }
    dropped.increment();
    LOG.warning(
        () ->
            "webhook "
                + target
                + ": notification "
                + notification.id()
                + " ("
                + notification.topic()
                + ") dropped: "
                + (closing ? "the sender is closing" : settings.capacity() + " already waiting"));
    return false;
  }

  /** Notifications the webhook accepted (2xx). */
  public long delivered() {
    return delivered.sum();
  }

  /** Notifications given up on after their attempts. */
  public long failed() {
    return failed.sum();
  }

  /** Notifications never sent: the queue was full, or the sender closed first. */
  public long dropped() {
    return dropped.sum();
  }

  /** Notifications waiting. */
  public int queued() {
    return queue.size();
  }

  /** Stops the sender: what is still queued is dropped and counted; a send under way is cut off. */
  @Override
  public void close() {
    closing = true;
    sender.interrupt();
    try {
      sender.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int left = queue.size();
    queue.clear();
    if (left > 0) {
      dropped.add(left);
      LOG.warning(
          () ->
              "webhook "
                  + target
                  + ": "
                  + left
                  + (left == 1 ? " notification" : " notifications")
                  + " not sent at shutdown");
    }
    http.shutdownNow();
  }

  private void drain() {
    while (!closing) {
      Delivery next;
      try {
        next = queue.poll(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (next != null) {
        try {
          deliver(next);
        } catch (RuntimeException e) { // never let one notification stop the thread
          failed.increment();
          LOG.log(Level.WARNING, "webhook " + target + ": " + next.notification().id(), e);
        }
      }
    }
  }

  /** Tries the notification up to the configured attempts; stops early when interrupted. */
  private void deliver(Delivery delivery) {
    HttpRequest request = request(delivery);
    String problem = "not sent";
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      CompletableFuture<HttpResponse<Void>> answer =
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
      try {
        // The request timeout covers the wait for the answer's head; this also bounds its body.
        int status =
            answer
                .get(
                    settings.connectTimeout().plus(settings.requestTimeout()).toMillis() + 1_000,
                    TimeUnit.MILLISECONDS)
                .statusCode();
        if (status >= 200 && status < 300) {
          delivered.increment();
          return;
        }
        problem = "answered " + status;
        if (!(status >= 500 || status == 408 || status == 425 || status == 429)) {
          break;
        }
      } catch (ExecutionException e) {
        problem = describe(e.getCause());
      } catch (TimeoutException e) {
        answer.cancel(true);
        problem = "no answer in time";
      } catch (InterruptedException e) {
        answer.cancel(true);
        failed.increment();
        Thread.currentThread().interrupt();
        return;
      }
      int tried = attempt;
      String why = problem;
      LOG.fine(() -> "webhook " + target + ": attempt " + tried + " failed: " + why);
      if (attempt < settings.attempts() && !pause(attempt)) {
        failed.increment();
        return;
      }
    }
    failed.increment();
    String why = problem;
    LOG.warning(
        () ->
            "webhook "
                + target
                + ": notification "
                + delivery.notification().id()
                + " ("
                + delivery.notification().topic()
                + ") not delivered after "
                + settings.attempts()
                + " attempts: "
                + why);
  }

  private HttpRequest request(Delivery delivery) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.requestTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "MLP-Webhook")
            .header("X-MLP-Notification-Id", delivery.notification().id().toString())
            .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    settings
        .secret()
        .ifPresent(
            secret ->
                request.header(
                    WebhookPayload.SIGNATURE_HEADER,
                    WebhookPayload.signature(secret, delivery.body())));
    return request.build();
  }

  /** Waits before the next attempt: the backoff, doubled after each failed one. */
  private boolean pause(int failedAttempts) {
    try {
      Thread.sleep(settings.backoff().multipliedBy(1L << Math.min(failedAttempts - 1, 10)));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String describe(Throwable cause) {
    return switch (cause) {
      case HttpConnectTimeoutException e -> "no connection in time";
      case HttpTimeoutException e -> "no answer in time";
      case IOException e ->
          "cannot connect or send ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")";
      default -> String.valueOf(cause);
    };
  }
}
