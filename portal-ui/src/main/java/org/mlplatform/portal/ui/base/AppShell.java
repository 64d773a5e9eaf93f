package org.mlplatform.portal.ui.base;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.aura.Aura;

/**
 * Page-level settings. Styling comes from the built-in Aura stylesheet plus our own plain CSS file:
 * a theme folder or {@code @CssImport} would need a frontend bundle build, which cannot run here.
 */
@StyleSheet(Aura.STYLESHEET)
@StyleSheet("context://styles/app.css")
public class AppShell implements AppShellConfigurator {}
