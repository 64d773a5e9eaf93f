package org.mlplatform.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The portal's shell once a user is logged in: header, navigation and the current view. */
final class PortalPage {

  private final Browser browser;

  private PortalPage(Browser browser) {
    this.browser = browser;
  }

  /** Waits until the portal has rendered its header with the logged-in user. */
  static PortalPage expect(Browser browser) {
    browser
        .waitUpTo(60)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user-name")));
    return new PortalPage(browser);
  }

  String userName() {
    return browser.driver.findElement(By.id("current-user-name")).getText();
  }

  String userRoles() {
    return browser.driver.findElement(By.id("current-user-roles")).getText();
  }

  String heading(String id) {
    return browser
        .waitUpTo(30)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
        .getText();
  }

  /** The labels of the side navigation's items. */
  List<String> navigation() {
    return browser.driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
        .map(WebElement::getText)
        .map(String::strip)
        .toList();
  }

  /** Opens a portal path in this session and waits for the shell. */
  PortalPage open(String path) {
    browser.driver.get(RunningPlatform.BASE + path);
    return expect(browser);
  }

  /** Waits for text anywhere in the page body (Vaadin renders asynchronously). */
  PortalPage waitForText(String text) {
    browser
        .waitUpTo(30)
        // A page that is being replaced (a reload) can lose the body between lookup and read.
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    return this;
  }

  KeycloakLoginPage logOut() {
    browser.driver.findElement(By.id("logout")).click();
    return KeycloakLoginPage.expect(browser);
  }
}
