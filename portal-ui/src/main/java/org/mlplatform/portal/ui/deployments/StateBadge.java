package org.mlplatform.portal.ui.deployments;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Optional;
import org.mlplatform.serving.engine.DeploymentStatus;

/**
 * A deployment's state as a badge (READY green, LOADING plain, FAILED red, NOT LOADED amber), with
 * a warning beside it when the latest load failed, its reason in the tooltip and the text.
 */
final class StateBadge extends HorizontalLayout {

  StateBadge(Optional<DeploymentStatus> status) {
    setSpacing(true);
    setPadding(false);
    setAlignItems(Alignment.CENTER);
    addClassName("deployment-state");
    Badge badge = new Badge(DeploymentText.state(status));
    badge.addClassName("deployment-state-badge");
    status.ifPresentOrElse(
        s -> {
          switch (s.state()) {
            case READY -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case FAILED -> badge.addThemeVariants(BadgeVariant.ERROR);
            case LOADING -> badge.addThemeVariants(BadgeVariant.CONTRAST);
          }
        },
        () -> badge.addThemeVariants(BadgeVariant.WARNING));
    add(badge);
    status
        .flatMap(DeploymentStatus::lastError)
        .ifPresent(
            error -> {
              Span warning = new Span(VaadinIcon.WARNING.create());
              warning.addClassName("deployment-last-error");
              warning.getElement().setAttribute("title", error);
              warning.getElement().setAttribute("aria-label", "Latest load failed: " + error);
              warning.getStyle().set("color", "var(--aura-orange-text, #b45309)");
              add(warning);
            });
  }
}
