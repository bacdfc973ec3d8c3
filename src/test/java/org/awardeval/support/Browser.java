package org.awardeval.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver; Selenium is given both paths, so it never looks for
 * or downloads a browser of its own.
 */
public final class Browser implements AutoCloseable {

    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Screenshots for the README, rewritten by every run so they show the product as it is. */
    public static final Path PICTURES = Path.of("docs", "images");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(String baseUrl, int width, int height, String language) throws IOException {
        if (!Files.isExecutable(Chromium.BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Browser tests need " + Chromium.BINARY + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver)");
        }
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=" + language.split(",")[0]);
        // The languages the browser asks for, first to last, as its user set them.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    public static Browser open(String baseUrl) throws IOException {
        return open(baseUrl, 1400, 1000);
    }

    public static Browser open(String baseUrl, int width, int height) throws IOException {
        return new Browser(baseUrl, width, height, "en-GB");
    }

    /** A browser whose user reads this language first ("ar", "zh-CN,zh"). */
    public static Browser open(String baseUrl, String language) throws IOException {
        return new Browser(baseUrl, 1280, 900, language);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public <T> T await(Function<WebDriver, T> condition) {
        // A page that draws an element again leaves stale references behind: look again on the next try.
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            // What the browser showed instead, so that a failure in CI says what happened.
            String page = driver.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("(no page)");
            throw new TimeoutException(e.getMessage() + "\nThe browser was at " + driver.getCurrentUrl() + ", showing:\n"
                    + (page.length() > 3000 ? page.substring(0, 3000) + "..." : page), e);
        }
    }

    public WebElement visible(By by) {
        return await(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Clicks an element after scrolling it to the middle of the window, clear of fixed bars. */
    public void click(By by) {
        await(d -> {
            WebElement element = visible(by);
            script("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
            return true;
        });
    }

    /** Types into a field and waits until it holds the text: a page that moves the focus while loading loses no key. */
    public void fill(By by, String text) {
        await(d -> {
            WebElement input = visible(by);
            if (!text.equals(input.getDomProperty("value"))) {
                input.click();
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
            }
            return text.equals(input.getDomProperty("value")) ? input : null;
        });
    }

    /**
     * Logs in to one of Camunda's webapps (tasklist, cockpit) on its own login page. A refused login is tried again on
     * a new page after Camunda's shortest login delay (3 s), up to three times: in a full CI run Tasklist once refused
     * a right password, which the same test never saw alone.
     */
    public Browser camundaLogin(String app, String user, String password) throws InterruptedException {
        By form = By.cssSelector("form[name='signinForm']");
        By refused = By.xpath("//*[contains(normalize-space(.),'Login Failed')]");
        for (int attempt = 1; ; attempt++) {
            go("/camunda/app/" + app + "/default/#/login");
            fill(By.cssSelector("input[ng-model='username']"), user);
            fill(By.cssSelector("input[ng-model='password']"), password);
            visible(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
            boolean in = await(d -> d.findElements(form).isEmpty() ? Boolean.TRUE
                    : d.findElements(refused).stream().anyMatch(WebElement::isDisplayed) ? Boolean.FALSE : null);
            if (in) {
                return this;
            }
            if (attempt == 3) {
                throw new IllegalStateException(app + " refused the login of " + user + " three times");
            }
            System.err.printf("%s refused the login of %s (attempt %d); trying again%n", app, user, attempt);
            Thread.sleep(3_000);
        }
    }

    /** Saves a picture of the page, or of the element found by {@code by}, under docs/images. */
    public Path picture(String name, By by) throws IOException {
        File shot = by == null ? ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE)
                : await(d -> visible(by).getScreenshotAs(OutputType.FILE));
        Files.createDirectories(PICTURES);
        Path target = PICTURES.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Keeps the last page and a picture of it under target/browser, to see what a failed test saw. */
    public void keepPage(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "browser"));
        Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary profile left behind harms nothing.
        }
    }
}
