package org.mlplatform.portal.ui.audit;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.audit.AuditCsv;
import org.mlplatform.domain.audit.AuditEntry;
import org.mlplatform.domain.audit.AuditFilter;
import org.mlplatform.domain.audit.AuditLog;
import org.mlplatform.domain.audit.AuditRecord;
import org.mlplatform.domain.audit.AuditVerification;
import org.mlplatform.domain.audit.Outcome;
import org.mlplatform.portal.ui.base.Times;

/**
 * The audit trail, for administrators only: filters (who, action, target, outcome, time range in
 * UTC), one page of records at a time, newest first, a CSV download of every record the filters
 * pass, and a check of the hash chain.
 */
@Route("audit")
@PageTitle("Audit | MLP")
@RolesAllowed("admin")
@AccessDeniedErrorRouter(rerouteToError = AccessDeniedException.class)
@Dependent
public class AuditView extends VerticalLayout {

  static final int PAGE_SIZE = 50;

  private final AuditLog auditLog;

  /** The filter the grid and the download use; read by the download's request thread. */
  private volatile AuditFilter filter = AuditFilter.ALL;

  private int page;

  final TextField actor = new TextField("Who");
  final TextField action = new TextField("Action starts with");
  final TextField target = new TextField("Target contains");
  final Select<Outcome> outcome = new Select<>();
  final DateTimePicker from = new DateTimePicker("From (UTC)");
  final DateTimePicker to = new DateTimePicker("To (UTC)");
  final Grid<AuditRecord> grid = new Grid<>();
  final Span status = new Span();
  final Button newer = new Button("Newer", VaadinIcon.ANGLE_LEFT.create(), e -> page(page - 1));
  final Button older = new Button("Older", VaadinIcon.ANGLE_RIGHT.create(), e -> page(page + 1));
  final Span pageLabel = new Span();
  final Button verify = new Button("Verify chain", VaadinIcon.SHIELD.create(), e -> verify());
  final Badge verification = new Badge();
  final Anchor download;

  @Inject
  public AuditView(AuditLog auditLog) {
    this.auditLog = auditLog;
    setSizeFull();

    actor.setId("audit-filter-actor");
    action.setId("audit-filter-action");
    action.setPlaceholder("model.");
    target.setId("audit-filter-target");
    outcome.setId("audit-filter-outcome");
    outcome.setLabel("Outcome");
    outcome.setItems(Outcome.values());
    outcome.setEmptySelectionAllowed(true);
    outcome.setEmptySelectionCaption("Any");
    from.setId("audit-filter-from");
    to.setId("audit-filter-to");
    for (TextField field : List.of(actor, action, target)) {
      field.setClearButtonVisible(true);
      field.addValueChangeListener(e -> applyFilters());
    }
    outcome.addValueChangeListener(e -> applyFilters());
    from.addValueChangeListener(e -> applyFilters());
    to.addValueChangeListener(e -> applyFilters());
    Button clear = new Button("Clear", e -> clearFilters());
    clear.setId("audit-filter-clear");
    HorizontalLayout filters =
        new HorizontalLayout(actor, action, target, outcome, from, to, clear);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);

    grid.setId("audit-grid");
    grid.addColumn(AuditRecord::seq).setHeader("#").setAutoWidth(true);
    grid.addColumn(r -> Times.format(r.entry().occurredAt())).setHeader("When").setAutoWidth(true);
    grid.addColumn(r -> r.entry().actor()).setHeader("Who").setAutoWidth(true);
    grid.addColumn(r -> String.join(", ", r.entry().actorRoles()))
        .setHeader("Roles")
        .setAutoWidth(true);
    grid.addColumn(r -> r.entry().action()).setHeader("Action").setAutoWidth(true);
    grid.addColumn(r -> r.entry().target()).setHeader("Target").setAutoWidth(true);
    grid.addColumn(r -> r.entry().summary()).setHeader("Summary").setFlexGrow(1);
    grid.addColumn(r -> r.entry().outcome()).setHeader("Outcome").setAutoWidth(true);
    grid.addColumn(r -> r.entry().clientAddress()).setHeader("Client address").setAutoWidth(true);
    grid.addColumn(r -> r.entry().requestId()).setHeader("Request").setAutoWidth(true);
    grid.setPageSize(PAGE_SIZE);

    status.setId("audit-status");
    newer.setId("audit-newer");
    older.setId("audit-older");
    pageLabel.setId("audit-page");
    HorizontalLayout pager = new HorizontalLayout(newer, pageLabel, older);
    pager.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

    verify.setId("audit-verify");
    verification.setId("audit-verify-result");
    verification.setVisible(false);
    download = new Anchor();
    download.setText("Download CSV");
    // The link needs the UI to register its handler, so it gets one once the page is attached.
    addAttachListener(e -> download.setHref(csvDownload(), AttachmentType.DOWNLOAD));
    download.setId("audit-download");
    HorizontalLayout tools = new HorizontalLayout(verify, verification, download);
    tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

    add(new H2("Audit trail"), filters, status, grid, pager, tools);
    page(0);
  }

  private DownloadHandler csvDownload() {
    return event -> {
      event.setFileName("audit.csv");
      event.setContentType("text/csv; charset=UTF-8");
      writeCsv(
          new BufferedWriter(
              new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8), 1 << 16));
    };
  }

  /** Writes every record the current filters pass as CSV, newest first, and flushes. */
  void writeCsv(Writer out) throws IOException {
    auditLog.forEach(filter, 0, Long.MAX_VALUE, new AuditCsv(out));
    out.flush();
  }

  /** The current filters, or null (and the field at fault marked) when they contradict. */
  private AuditFilter filtersFromFields() {
    to.setInvalid(false);
    try {
      return new AuditFilter(
          actor.getValue(),
          action.getValue(),
          target.getValue(),
          outcome.getValue(),
          utc(from.getValue()),
          utc(to.getValue()));
    } catch (DomainValidationException e) {
      to.setErrorMessage("To must be later than From");
      to.setInvalid(true);
      return null;
    }
  }

  private void applyFilters() {
    AuditFilter next = filtersFromFields();
    if (next == null) {
      status.setText("Fix the time range: To must be later than From.");
      return;
    }
    filter = next;
    page(0);
  }

  private void clearFilters() {
    actor.clear();
    action.clear();
    target.clear();
    outcome.clear();
    from.clear();
    to.clear();
    applyFilters();
  }

  private void page(int wanted) {
    long matching = auditLog.count(filter);
    int pages = (int) Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
    page = Math.clamp(wanted, 0, pages - 1);
    List<AuditRecord> records = auditLog.find(filter, (long) page * PAGE_SIZE, PAGE_SIZE);
    grid.setItems(records);
    status.setText(statusText(page, records.size(), matching, filter.equals(AuditFilter.ALL)));
    pageLabel.setText("Page " + (page + 1) + " of " + pages);
    newer.setEnabled(page > 0);
    older.setEnabled(page < pages - 1);
  }

  static String statusText(int page, int shown, long matching, boolean unfiltered) {
    if (matching == 0) {
      return unfiltered ? "No records yet." : "No records match these filters.";
    }
    long first = (long) page * PAGE_SIZE + 1;
    return "Records "
        + first
        + "–"
        + (first + shown - 1)
        + " of "
        + matching
        + (unfiltered ? "" : " matching")
        + ", newest first.";
  }

  private void verify() {
    AuditVerification result = auditLog.verify();
    verification.setText(verificationText(result));
    verification.removeThemeVariants(BadgeVariant.SUCCESS, BadgeVariant.ERROR);
    verification.addThemeVariants(result.intact() ? BadgeVariant.SUCCESS : BadgeVariant.ERROR);
    verification.setVisible(true);
  }

  static String verificationText(AuditVerification result) {
    return switch (result) {
      case AuditVerification.Intact intact ->
          "Chain intact: "
              + intact.records()
              + (intact.records() == 1 ? " record" : " records")
              + " checked, last hash "
              + intact.lastHash().substring(0, 12)
              + "…";
      case AuditVerification.Broken broken ->
          "Chain broken at record "
              + broken.seq()
              + broken.id().stream().mapToObj(id -> " (row " + id + ")").findFirst().orElse("")
              + ", "
              + broken.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + ": "
              + broken.detail()
              + ".";
    };
  }

  private static Instant utc(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }

  /** For tests: the entries the grid shows now. */
  List<AuditEntry> shown() {
    return grid.getGenericDataView().getItems().map(AuditRecord::entry).toList();
  }
}
