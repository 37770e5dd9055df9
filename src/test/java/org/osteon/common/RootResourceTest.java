package org.osteon.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.osteon.support.Browser;

/**
 * The service's address, opened as a newcomer would in Debian's Chromium: a page that leads a
 * physiotherapist to the console, a developer to the API documentation and an operator to health
 * and metrics, each link answered. Screenshot: target/screenshots/start.png.
 */
@QuarkusTest
class RootResourceTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theServicesAddressLeadsEachKindOfUserToTheirPartWithoutAToken() {
        Response start = given().get("/");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.contentType()).startsWith("text/html");
        assertThat(start.header("Content-Security-Policy")).contains("script-src 'none'");

        try (Browser browser = new Browser()) {
            browser.open(base, "/");
            Map<String, String> links = browser.driver().findElements(By.cssSelector("main a")).stream()
                    .collect(Collectors.toMap(WebElement::getText, a -> a.getAttribute("href"), (a, b) -> a));
            assertThat(links.values())
                    .map(h -> h.substring(base.toString().length() - 1))
                    .containsExactlyInAnyOrder(
                            "/console", "/q/swagger-ui/", "/q/openapi", "/q/health/ready", "/q/metrics");
            browser.screenshot("start");
            // Each link answers: the console with how to sign in (no session yet), the rest as they are.
            for (String path : List.of("/q/swagger-ui/", "/q/openapi", "/q/health/ready", "/q/metrics")) {
                assertThat(given().get(path).statusCode()).as(path).isEqualTo(200);
            }
            browser.driver()
                    .findElement(By.linkText("The physiotherapists' console"))
                    .click();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> browser.driver().getTitle().startsWith("Sign in"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to the console");
            // The sign-in page answers 401 (no session), which Chromium logs; nothing else may be there.
            assertThat(browser.consoleErrors())
                    .allMatch(e -> e.contains("/console - Failed to load resource") && e.contains("status of 401"));
        }
    }
}
