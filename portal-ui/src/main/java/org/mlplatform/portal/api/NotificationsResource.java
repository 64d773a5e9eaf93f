package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.notifications.Notification;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.audit.AuditRecorder.Origin;
import org.mlplatform.portal.notifications.NotificationInbox;
import org.mlplatform.portal.security.AuthenticatedRequest;

/**
 * {@code /api/v1/notifications}: the caller's notifications (their own and their roles'), each with
 * the caller's own read state. Every role reads and marks its own; nobody sees anyone else's.
 */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

  /** One notification as the caller sees it; {@code link} is a portal route, null when none. */
  public record Item(
      String id,
      String topic,
      String recipientKind,
      String recipient,
      String title,
      String body,
      String link,
      Instant createdAt,
      boolean read,
      Instant readAt) {

    static Item of(Notification n) {
      return new Item(
          n.id().toString(),
          n.topic(),
          n.recipient().kind().externalName(),
          n.recipient().name(),
          n.title(),
          n.body(),
          n.link().orElse(null),
          n.createdAt(),
          n.isRead(),
          n.readAt().orElse(null));
    }
  }

  @Inject private NotificationInbox inbox;
  @Context private HttpServletRequest request;

  /** Newest first; {@code unread=true} for the unread ones only; {@code limit} 1 to 500. */
  @GET
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public List<Item> list(
      @QueryParam("unread") @DefaultValue("false") boolean unread,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > NotificationInbox.MAX_LIMIT) {
      throw new DomainValidationException(
          "limit", "limit must be between 1 and " + NotificationInbox.MAX_LIMIT);
    }
    return inbox.inbox(user(), unread, limit).stream().map(Item::of).toList();
  }

  /** {@code {"unread": n}}: for a badge. */
  @GET
  @Path("unread-count")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  public Map<String, Long> unreadCount() {
    return Map.of("unread", inbox.unreadCount(user()));
  }

  /** Marks one read for the caller (again: no change); 404 when the caller may not see it. */
  @POST
  @Path("{id}/read")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  @NotAudited("the caller's own read marks")
  public Item markRead(@PathParam("id") String id) {
    UUID uuid = parse(id);
    return inbox
        .markRead(uuid, user(), Origin.of(request))
        .map(Item::of)
        .orElseThrow(() -> notFound(id));
  }

  /** Marks everything the caller sees read: {@code {"marked": n}}. */
  @POST
  @Path("read-all")
  @Allow({ApiRoles.VIEWER, ApiRoles.DATA_SCIENTIST, ApiRoles.REVIEWER, ApiRoles.ADMIN})
  @NotAudited("the caller's own read marks")
  public Map<String, Integer> markAllRead() {
    return Map.of("marked", inbox.markAllRead(user(), Origin.of(request)));
  }

  private PlatformUser user() {
    return AuthenticatedRequest.userOf(request).orElseThrow();
  }

  /** A malformed id names nothing the caller can see: the same 404 as a stranger's. */
  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
  }

  private static NotFoundException notFound(String id) {
    String shown = id.length() <= 40 ? id : id.substring(0, 40) + "...";
    return new NotFoundException(
        ErrorBody.response(Response.Status.NOT_FOUND, "no notification " + shown + " for you"));
  }
}
