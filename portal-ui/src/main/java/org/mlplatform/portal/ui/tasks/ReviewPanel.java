package org.mlplatform.portal.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Optional;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.Alias;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelCard;
import org.mlplatform.domain.models.ModelVersionId;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.models.ModelStore;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.base.Times;
import org.mlplatform.portal.ui.models.ComparePanel;
import org.mlplatform.portal.ui.models.ModelVersionView;
import org.mlplatform.workflows.ReviewTask;

/**
 * One review task: the checks, the requester's justification, the candidate next to the champion
 * (metrics, signature and lineage changes, model cards), and claim, approve and reject with a
 * mandatory comment.
 */
class ReviewPanel extends VerticalLayout {

  /** What the reviewer did, for the inbox to refresh. */
  interface Actions {
    void claim(ReviewTask task);

    void unclaim(ReviewTask task);

    void decide(ReviewTask task, boolean approve, String comment);
  }

  ReviewPanel(ReviewTask task, ModelStore models, Actions actions) {
    setPadding(false);
    setId("review-panel");
    H3 title =
        new H3(
            "Review: "
                + task.model()
                + " v"
                + task.version()
                + " → "
                + task.alias()
                + (task.canaryPercent() > 0 ? " (canary " + task.canaryPercent() + "%)" : ""));
    Paragraph who =
        new Paragraph(
            "Asked by "
                + task.requestedBy()
                + " "
                + Times.format(task.created())
                + (task.due() == null ? "" : " · due " + Times.format(task.due()))
                + (task.assignee() == null ? " · unclaimed" : " · claimed by " + task.assignee()));
    RouterLink process =
        new RouterLink(
            "Process and diagram",
            ProcessView.class,
            new RouteParameters("id", task.processInstanceId()));
    process.setId("review-process-link");
    add(title, who, process);
    if (task.overrideJustification() != null) {
      Paragraph justification =
          new Paragraph(
              "Checks failed; the requester asks you to decide anyway: "
                  + task.overrideJustification());
      justification.setId("review-justification");
      justification.getStyle().set("color", "var(--lumo-error-text-color)");
      add(justification);
    }
    add(new H4("Automated checks"), CheckResultsGrid.of(task.checks()));
    add(sideBySide(task, models));
    add(decision(task, actions));
  }

  private static VerticalLayout sideBySide(ReviewTask task, ModelStore models) {
    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    ResourceName model = ResourceName.of("model", task.model());
    ModelVersionId candidate = new ModelVersionId(model, task.version());
    Optional<Integer> champion =
        models.aliases(model).stream()
            .filter(a -> a.name().equals(AliasName.of("alias", task.alias())))
            .map(Alias::version)
            .filter(v -> v != task.version())
            .findFirst();
    RouterLink candidateLink =
        new RouterLink(
            "candidate v" + task.version(),
            ModelVersionView.class,
            ModelVersionView.parameters(task.model(), task.version()));
    if (champion.isEmpty()) {
      layout.add(
          new H4("Candidate"),
          new Paragraph("No version is " + task.alias() + " yet: nothing to compare with."),
          candidateLink);
      layout.add(cards(models.card(candidate), null));
      return layout;
    }
    ModelVersionId incumbent = new ModelVersionId(model, champion.get());
    layout.add(
        new H4("Candidate v" + task.version() + " next to " + task.alias() + " v" + champion.get()),
        candidateLink,
        ComparePanel.grid(models.compare(incumbent, candidate), "review-comparison"),
        cards(models.card(candidate), models.card(incumbent)));
    return layout;
  }

  private static HorizontalLayout cards(ModelCard candidate, ModelCard champion) {
    HorizontalLayout row = new HorizontalLayout(card("Candidate's card", candidate));
    if (champion != null) {
      row.add(card("Champion's card", champion));
    }
    row.setWidthFull();
    return row;
  }

  private static VerticalLayout card(String heading, ModelCard card) {
    VerticalLayout column = new VerticalLayout(new H4(heading));
    column.setPadding(false);
    column.add(line("Intended use", card.intendedUse()));
    column.add(line("Limitations", card.limitations()));
    column.add(line("Ethical considerations", card.ethicalConsiderations()));
    column.add(line("Training data", card.trainingDataSummary()));
    column.setWidth("50%");
    return column;
  }

  private static Paragraph line(String label, String text) {
    return new Paragraph(label + ": " + (text == null || text.isBlank() ? "—" : text));
  }

  private static VerticalLayout decision(ReviewTask task, Actions actions) {
    PlatformUser user = CurrentUser.get();
    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    if (!user.hasRole(Role.REVIEWER) && !user.hasRole(Role.ADMIN)) {
      layout.add(new Span("Reviewers decide on this task."));
      return layout;
    }
    if (user.username().equals(task.requestedBy())) {
      layout.add(new Span("You asked for this promotion, so another reviewer must decide."));
      return layout;
    }
    Button claim = new Button("Claim", e -> actions.claim(task));
    claim.setId("task-claim-" + task.id());
    Button unclaim = new Button("Give back", e -> actions.unclaim(task));
    unclaim.setId("task-unclaim-" + task.id());
    claim.setVisible(task.assignee() == null);
    unclaim.setVisible(user.username().equals(task.assignee()));
    TextArea comment = new TextArea("Comment (required)");
    comment.setId("task-comment-" + task.id());
    comment.setWidth("36em");
    comment.setRequired(true);
    Button approve = new Button("Approve", e -> actions.decide(task, true, comment.getValue()));
    approve.setId("task-approve-" + task.id());
    approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    Button reject = new Button("Reject", e -> actions.decide(task, false, comment.getValue()));
    reject.setId("task-reject-" + task.id());
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
    boolean othersTask = task.assignee() != null && !task.assignee().equals(user.username());
    approve.setEnabled(!othersTask);
    reject.setEnabled(!othersTask);
    HorizontalLayout buttons = new HorizontalLayout(claim, unclaim, approve, reject);
    buttons.setAlignItems(Alignment.BASELINE);
    layout.add(comment, buttons);
    return layout;
  }
}
