package org.mlplatform.portal.ui.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.mlplatform.domain.models.AliasName;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.domain.security.Role;
import org.mlplatform.portal.models.ModelPromotions;
import org.mlplatform.portal.ui.base.CurrentUser;
import org.mlplatform.portal.ui.tasks.ProcessView;

/**
 * Asking for a promotion to champion (at once or through a canary, with a justification that lets a
 * reviewer decide despite failed checks), and an admin's emergency rollback to this version.
 */
class PromotionPanel extends VerticalLayout {

  private final ModelPromotions promotions;
  private final ModelVersion version;
  private final Span status = new Span();

  PromotionPanel(ModelPromotions promotions, ModelVersion version) {
    this.promotions = promotions;
    this.version = version;
    setPadding(false);
    setSpacing(false);
    status.setId("promotion-status");
    PlatformUser user = CurrentUser.get();
    if (ModelsView.canWrite(user)) {
      add(request(user));
    }
    if (user.hasRole(Role.ADMIN)) {
      add(rollback(user));
    }
    add(status);
  }

  private HorizontalLayout request(PlatformUser user) {
    IntegerField canary = new IntegerField("Canary %");
    canary.setId("promotion-canary");
    canary.setMin(0);
    canary.setMax(99);
    canary.setValue(0);
    canary.setStepButtonsVisible(true);
    canary.setHelperText("0 promotes on approval");
    canary.setWidth("9em");
    TextField justification = new TextField("Justification if checks fail");
    justification.setId("promotion-justification");
    justification.setWidth("24em");
    justification.setMaxLength(2_000);
    Button ask =
        new Button(
            "Ask to promote to champion",
            e -> {
              try {
                String process =
                    promotions.request(
                        version.id(),
                        new ModelPromotions.Ask(
                            AliasName.CHAMPION,
                            canary.getValue() == null ? 0 : canary.getValue(),
                            justification.getValue()),
                        user,
                        ModelsView.origin());
                showProcess("Promotion requested: checks ran, a reviewer decides. ", process);
              } catch (RuntimeException ex) {
                status.removeAll();
                status.setText("Refused: " + ex.getMessage());
              }
            });
    ask.setId("promotion-request");
    ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout layout = new HorizontalLayout(canary, justification, ask);
    layout.setAlignItems(Alignment.BASELINE);
    return layout;
  }

  private Details rollback(PlatformUser admin) {
    TextArea reason = new TextArea("Reason (recorded, shown to reviewers)");
    reason.setId("rollback-reason");
    reason.setWidth("32em");
    Button roll =
        new Button(
            "Roll champion back to v" + version.number(),
            e -> {
              try {
                String process =
                    promotions.rollback(
                        version.id(), reason.getValue(), admin, ModelsView.origin());
                showProcess("Rolled back without review. ", process);
              } catch (RuntimeException ex) {
                status.removeAll();
                status.setText("Refused: " + ex.getMessage());
              }
            });
    roll.setId("rollback-submit");
    roll.addThemeVariants(ButtonVariant.LUMO_ERROR);
    Details details = new Details("Emergency rollback", new VerticalLayout(reason, roll));
    details.setId("rollback");
    return details;
  }

  private void showProcess(String text, String process) {
    status.removeAll();
    status.setText(text);
    RouterLink link =
        new RouterLink("Follow the process", ProcessView.class, new RouteParameters("id", process));
    link.setId("promotion-process-link");
    status.add(link);
  }
}
