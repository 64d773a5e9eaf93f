package org.mlplatform.portal.ui.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.models.ModelRetrainings;
import org.mlplatform.portal.ui.tasks.ProcessView;

/** Retraining by hand: the champion's recipe on a fresh training set, followed as a process. */
class RetrainPanel extends HorizontalLayout {

  RetrainPanel(ResourceName model, ModelRetrainings retrainings, PlatformUser user) {
    TextField reason = new TextField("Why");
    reason.setId("retrain-reason");
    reason.setPlaceholder("new labels arrived");
    reason.setWidth("24em");
    Span status = new Span();
    status.setId("retrain-status");
    Button start =
        new Button(
            "Retrain the champion",
            e -> {
              status.removeAll();
              try {
                String process =
                    retrainings.request(model, reason.getValue(), user, ModelsView.origin());
                status.setText("Retraining started. ");
                status.add(
                    new RouterLink(
                        "Follow it", ProcessView.class, new RouteParameters("id", process)));
              } catch (RuntimeException ex) {
                status.setText("Refused: " + ex.getMessage());
              }
            });
    start.setId("retrain-start");
    add(reason, start, status);
    setAlignItems(Alignment.BASELINE);
  }
}
