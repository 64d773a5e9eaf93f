package org.mlplatform.portal.ui.monitoring;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import org.mlplatform.domain.DomainValidationException;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelRegistry;
import org.mlplatform.domain.monitoring.alerts.AlertRule;
import org.mlplatform.domain.monitoring.alerts.NoSuchAlertRuleException;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.monitoring.AlertRuleInput;
import org.mlplatform.portal.monitoring.MonitoringAlerts;
import org.mlplatform.portal.ui.base.Times;

/**
 * A model's alert rules; data scientists and admins add a rule with the form under the list and
 * delete one from its row.
 */
final class AlertRulesPanel extends VerticalLayout {

  private final ResourceName model;
  private final MonitoringAlerts alerts;
  private final PlatformUser user;
  private final Grid<AlertRule> grid = new Grid<>();

  /**
   * @param features the model's feature names, for the form
   */
  AlertRulesPanel(
      ResourceName model, List<String> features, MonitoringAlerts alerts, PlatformUser user) {
    this.model = model;
    this.alerts = alerts;
    this.user = user;
    setPadding(false);
    boolean editable = MonitoringAccess.canEditRules(user);
    grid.setId("monitoring-rules");
    grid.addColumn(AlertRule::describe).setHeader("Rule").setFlexGrow(1);
    grid.addColumn(r -> r.startsRetraining() ? "yes" : "no")
        .setHeader("Starts retraining")
        .setAutoWidth(true);
    grid.addColumn(r -> r.enabled() ? "yes" : "no").setHeader("Enabled").setAutoWidth(true);
    grid.addColumn(r -> r.createdBy() + ", " + Times.format(r.createdAt()))
        .setHeader("Created")
        .setAutoWidth(true);
    if (editable) {
      grid.addComponentColumn(this::deleteButton).setHeader("").setAutoWidth(true);
    }
    grid.setEmptyStateText(
        editable
            ? "No alert rules yet: add one below, e.g. drift_score of a feature above 0.1."
            : "No alert rules yet: data scientists and admins add them here.");
    grid.setAllRowsVisible(true);
    add(grid);
    if (editable) {
      AlertRuleForm form = new AlertRuleForm(model.value(), features);
      form.addCreateListener(e -> create(form, e.getInput()));
      add(form);
    }
    refresh();
  }

  private void refresh() {
    grid.setItems(alerts.rules(Optional.of(model.value())));
  }

  private void create(AlertRuleForm form, AlertRuleInput input) {
    try {
      AlertRule rule = alerts.createRule(input, user);
      form.reset();
      Notification.show("Rule added: " + rule.describe(), 3_000, Notification.Position.TOP_END);
      refresh();
    } catch (DomainValidationException e) {
      form.showError(e.field(), e.getMessage());
    } catch (ModelRegistry.NotFoundException e) {
      form.showError(null, e.getMessage());
    }
  }

  private Button deleteButton(AlertRule rule) {
    Button delete = new Button("Delete", e -> confirmDelete(rule));
    delete.addClassName("monitoring-rule-delete");
    delete.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
    return delete;
  }

  private void confirmDelete(AlertRule rule) {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId("monitoring-rule-delete-confirm");
    confirm.setHeader("Delete the rule " + rule.describe() + "?");
    confirm.setText(
        "It stops being checked at once, and the alerts it raised are deleted with it.");
    confirm.setCancelable(true);
    confirm.setConfirmText("Delete");
    confirm.setConfirmButtonTheme("error primary");
    confirm.addConfirmListener(e -> delete(rule));
    confirm.open();
  }

  private void delete(AlertRule rule) {
    try {
      alerts.deleteRule(rule.id(), user);
      Notification.show("Rule deleted", 3_000, Notification.Position.TOP_END);
    } catch (NoSuchAlertRuleException e) {
      Notification.show(e.getMessage(), 6_000, Notification.Position.TOP_END);
    }
    refresh();
  }
}
