package org.osteon.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real, headless Chromium for the console's tests: Debian's {@code chromium} driven by Debian's
 * {@code chromedriver} (./osteon test installs both), so that nothing is downloaded. Each browser
 * starts with an empty profile and without the background traffic this closed network refuses;
 * it keeps the page's console messages and saves screenshots under {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    public Browser() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The console's browser tests need Debian's chromium and chromium-driver "
                    + "(" + CHROMIUM + ", " + CHROMEDRIVER + "); ./osteon test installs them");
        }
        try {
            profile = Files.createTempDirectory("osteon-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code path} (starting with /) on the service at {@code base}. */
    public void open(java.net.URL base, String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    /** An attribute of the page holding a number, or null when empty. */
    public static Double number(String attribute) {
        return attribute == null || attribute.isEmpty() ? null : Double.valueOf(attribute);
    }

    /** RestAssured's JsonPath reads decimals as floats: their shortest text gives back the API's double. */
    public static Double asDouble(Object value) {
        return value == null ? null : Double.valueOf(value.toString());
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WCAG 2.0 and 2.1 rules, levels A and AA, that axe-core checks automatically. */
    private static final String WCAG_21_AA = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

    /**
     * The page's violations of WCAG 2.1 A and AA as axe-core finds them (contrast, labels, names,
     * landmarks, ARIA use...), each as "rule: what it asks (where)"; empty when it finds none. What
     * automated checks cannot judge (a sensible reading order, say) stays a person's to look at.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        String axe;
        try (var in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeScript(axe);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object found = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { runOnly: { type: 'tag', values: " + WCAG_21_AA + " } })"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ('"
                + " + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')))"
                + ".catch(e => done(['axe did not run: ' + e]));");
        return (List<String>) found;
    }

    /** The page's console messages at level SEVERE (errors) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            } catch (IOException e) {
                // A left-over temporary profile is harmless.
            }
        }
    }
}
