package org.mlplatform.portal.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditLog;

/** The newest audit records, for administrators only. */
@Route("audit")
@PageTitle("Audit | MLP")
@RolesAllowed("admin")
@AccessDeniedErrorRouter(rerouteToError = AccessDeniedException.class)
@Dependent
public class AuditView extends VerticalLayout {

  static final int SHOWN = 500;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Inject
  public AuditView(AuditLog auditLog) {
    long total = auditLog.count();
    Grid<AuditEntry> grid = new Grid<>();
    grid.setId("audit-grid");
    grid.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("When").setAutoWidth(true);
    grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
    grid.addColumn(e -> String.join(", ", e.actorRoles())).setHeader("Roles").setAutoWidth(true);
    grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
    grid.addColumn(AuditEntry::target).setHeader("Target").setAutoWidth(true);
    grid.addColumn(AuditEntry::summary).setHeader("Summary").setFlexGrow(1);
    grid.addColumn(AuditEntry::outcome).setHeader("Outcome").setAutoWidth(true);
    grid.addColumn(AuditEntry::clientAddress).setHeader("From").setAutoWidth(true);
    grid.setItems(auditLog.latest(SHOWN));
    add(
        new H2("Audit trail"),
        new Paragraph(
            total <= SHOWN
                ? total + (total == 1 ? " record" : " records")
                : "The newest " + SHOWN + " of " + total + " records"),
        grid);
    setSizeFull();
  }
}
