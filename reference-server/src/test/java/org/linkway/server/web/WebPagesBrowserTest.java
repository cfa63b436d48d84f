package org.linkway.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.testing.LinkwayTestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The pages as a person meets them: Debian's headless Chromium, driven through its chromedriver,
 * against the real server on 127.0.0.1. Each page loads with nothing in the browser's console at
 * error level, axe-core finds no serious or critical accessibility violation, and pasting a
 * message that breaks a rule shows that rule, the marked lines and no conversion. With
 * {@code -Dlinkway.regenerate=true} it also writes the screenshots in docs/screenshots/.
 * Skipped (not failed) on a machine without Chromium; {@code .ci/run} installs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class WebPagesBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("../docs/screenshots");

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    private ChromeDriver browser;

    @BeforeAll
    void openBrowser() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium and chromedriver at /usr/bin (Debian's chromium and chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1280,1400",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theStartPageLoadsCleanlyAndLinksToTheInspector() {
        open("/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Linkway reference server");
        assertThat(browser.findElement(By.linkText("Message inspector")).getAttribute("href"))
                .endsWith("/inspector");
        assertThat(stylesApplied())
                .as("the NHS.UK frontend stylesheet is served and applied")
                .isTrue();
        assertClean("start");
    }

    @Test
    void aMessageThatBreaksARuleShowsThatRuleAndWhere() {
        open("/inspector");
        assertClean("inspector");
        paste(resource("/org/linkway/schemas/examples/invalid/LW-EMAIL--no-at-sign.referral.json"));
        check();
        List<String> rules = browser.findElements(By.cssSelector("tr.lw-finding")).stream()
                .map(row -> row.getAttribute("data-rule"))
                .toList();
        assertThat(rules).containsExactly("LW-EMAIL");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("does not meet the standard");
        // the finding links to the marked line, and that line holds the bad address
        String target = browser.findElement(By.cssSelector("tr.lw-finding a")).getAttribute("href");
        String line = target.substring(target.indexOf('#') + 1);
        WebElement marked = browser.findElement(By.id(line));
        assertThat(marked.getAttribute("class")).contains("lw-hit");
        assertThat(marked.getText()).contains("\"address\": \"joseph.adeyemi.example.com\"");
        assertThat(browser.findElements(By.cssSelector("li.lw-hit"))).hasSize(1);
        assertThat(browser.findElement(By.id("converted")).getText()).startsWith("Not converted");
        assertClean("inspector-findings");
    }

    @Test
    void aFhirBundleIsShownBesideItsLinkwayForm() {
        open("/inspector");
        paste(file("../schemas/fhir/examples/referral--full-gp-loneliness.fhir.json"));
        check();
        assertThat(browser.findElement(By.id("summary")).getText())
                .contains("This Referral meets the standard")
                .contains("FHIR R4 Bundle");
        assertThat(browser.findElements(By.cssSelector("tr.lw-finding"))).isEmpty();
        assertThat(browser.findElement(By.id("converted")).getText()).contains("\"schemaVersion\"");
        assertThat(browser.findElements(By.cssSelector("a.lw-download"))).hasSize(2);
        assertClean("inspector-conversion");
    }

    private void open(String path) {
        browser.get(server.url() + path);
    }

    /** Submits the form and waits for the answer page: a click returns before the browser navigates. */
    private void check() {
        browser.findElement(By.id("check")).click();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            // the form page has neither; only the answer page does
            if (!browser.findElements(By.cssSelector("#summary, .nhsuk-error-summary"))
                    .isEmpty()) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("the inspector's answer page within 60 s")
                    .isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void paste(String text) {
        WebElement box = browser.findElement(By.id("message"));
        // as a paste does: the whole text at once (typing it key by key would take minutes)
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", box, text);
    }

    private boolean stylesApplied() {
        Object font = ((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(document.querySelector('.nhsuk-header')).backgroundColor;");
        // the NHS blue of the frontend's header: present only when its stylesheet loaded
        return "rgb(0, 94, 184)".equals(font);
    }

    /** No console errors, no serious or critical accessibility violations; and the screenshot, when asked. */
    private void assertClean(String name) {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(errors).as("console errors on " + name).isEmpty();
        assertThat(axeViolations())
                .as("axe-core: serious or critical violations on " + name)
                .isEmpty();
        if (Boolean.getBoolean("linkway.regenerate")) {
            try {
                Files.createDirectories(SCREENSHOTS);
                Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> axeViolations() {
        JavascriptExecutor js = browser;
        js.executeScript(resource("/org/linkway/server/web/axe.min.js"));
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 where: v.nodes.map(n => n.target.join(' ')).join('; ') }))))
                  .catch(e => done([{ id: 'axe-failed', impact: 'critical', help: String(e) }]));
                """);
        return (List<Map<String, Object>>) found;
    }

    private static String file(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = WebPagesBrowserTest.class.getResourceAsStream(name)) {
            assertThat(in)
                    .as(name + " on the test class path (npm ci copies axe-core there)")
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
