package org.mlplatform.portal.ui.base;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.servlet.annotation.WebServlet;

/** Vaadin at the root; JAX-RS and the login servlets take their own, more specific paths. */
@WebServlet(urlPatterns = "/*", asyncSupported = true, name = "portal")
public class PortalServlet extends CdiVaadinServlet {}
