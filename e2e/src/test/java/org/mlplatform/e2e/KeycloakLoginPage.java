package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Keycloak's login form for the mlp realm. */
final class KeycloakLoginPage {

  private final Browser browser;

  private KeycloakLoginPage(Browser browser) {
    this.browser = browser;
  }

  /** Waits until the browser shows Keycloak's login form. */
  static KeycloakLoginPage expect(Browser browser) {
    return expect(browser, RunningPlatform.ISSUER);
  }

  /** The same for another platform's Keycloak realm, such as a cluster's. */
  static KeycloakLoginPage expect(Browser browser, String issuer) {
    browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(browser.driver.getCurrentUrl()).startsWith(issuer + "/protocol/openid-connect/auth");
    return new KeycloakLoginPage(browser);
  }

  PortalPage logInAs(String user) {
    browser.driver.findElement(By.id("username")).sendKeys(user);
    browser.driver.findElement(By.id("password")).sendKeys(user);
    browser.driver.findElement(By.id("kc-login")).click();
    return PortalPage.expect(browser);
  }
}
