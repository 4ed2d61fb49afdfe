package io.tracker.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code /usr/bin/chromium} with {@code /usr/bin/chromedriver}, so
 * nothing is downloaded) and what the Tracker pages offer a user: sign in, pick dates and a model,
 * read KPI cards and tables, upload a file. Element ids are the stable ones the pages document.
 * Screenshots go to {@code target/screenshots/} of the tracker-it module.
 */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Dimension WINDOW = new Dimension(1400, 1000);

    private final URI base;
    private final WebDriver driver;
    private final Path screenshots;

    Browser(URI base) {
        this.base = base;
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight());
        this.driver = new ChromeDriver(options);
        this.screenshots = Path.of(System.getProperty("tracker.it.module-dir", "."), "target", "screenshots");
    }

    /** The absolute URL of a path relative to the application's base URL. */
    String url(String path) {
        return base.resolve(path).toString();
    }

    void open(String path) {
        driver.get(url(path));
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The visible text of an element, trimmed. */
    String text(By by) {
        return driver.findElement(by).getText().trim();
    }

    boolean isPresent(By by) {
        return !driver.findElements(by).isEmpty();
    }

    boolean isEnabled(By by) {
        return driver.findElement(by).isEnabled();
    }

    /** The servlet session cookie, or null when the browser has no session. */
    Cookie sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID");
    }

    /** Submits the sign-in form (on the current page) with this key and waits for the next page. */
    void signIn(String apiKey) {
        WebElement key = driver.findElement(By.id("sign-in:api-key"));
        key.clear();
        key.sendKeys(apiKey);
        WebElement button = driver.findElement(By.id("sign-in:sign-in-button"));
        button.click();
        waitUntil(ExpectedConditions.stalenessOf(button));
        waitForAjax();
    }

    void signOut() {
        WebElement link = driver.findElement(By.id("session-form:sign-out"));
        link.click();
        waitUntil(ExpectedConditions.stalenessOf(link));
    }

    /** Types both dates of the dashboard (yyyy-MM-dd) as a user would, each followed by Tab. */
    void setDates(String from, String to) {
        typeDate("filters:from_input", from);
        typeDate("filters:to_input", to);
    }

    private void typeDate(String id, String date) {
        WebElement input = driver.findElement(By.id(id));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(date, Keys.TAB);
        waitForAjax();
        waitUntil(d -> date.equals(d.findElement(By.id(id)).getAttribute("value")));
        // A click elsewhere closes the calendar that opened when the field got the focus.
        driver.findElement(By.tagName("h1")).click();
        waitUntil(d -> d.findElements(By.cssSelector(".ui-datepicker-panel, .ui-datepicker")).stream()
                .noneMatch(WebElement::isDisplayed));
    }

    /** Clicks a model in the selector and waits until the report shows it. */
    void chooseModel(String label) {
        driver.findElement(By.xpath("//div[@id='filters:model']/div[contains(@class,'ui-button')]"
                + "[normalize-space(.)='" + label + "']")).click();
        waitUntil(d -> label.equals(d.findElement(By.id("attribution-model")).getText().trim()));
        waitForAjax();
    }

    /** The model named above the attribution table. */
    String attributionModel() {
        return text(By.id("attribution-model"));
    }

    void waitForText(By by, String expected) {
        waitUntil(d -> expected.equals(d.findElement(by).getText().trim()));
    }

    /** The cells' texts of each body row of a PrimeFaces data table (by its client id). */
    List<List<String>> tableRows(String tableId) {
        return driver.findElements(By.cssSelector(css(tableId) + " tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(td -> td.getText().trim()).toList())
                .toList();
    }

    List<String> tableFooter(String tableId) {
        return driver.findElements(By.cssSelector(css(tableId) + " tfoot td")).stream()
                .map(td -> td.getText().trim()).toList();
    }

    List<String> tableHeader(String tableId) {
        return driver.findElements(By.cssSelector(css(tableId) + " thead th")).stream()
                .map(th -> th.getText().trim()).toList();
    }

    /** Whether Chart.js has drawn the dashboard's chart into its canvas. */
    boolean chartDrawn() {
        try {
            waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var c = document.querySelector('#channel-chart canvas');"
                            + "return !!c && c.width > 0 && !!window.Chart && !!Chart.getChart(c);"));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** Whether a JavaScript alert is open (which no page of Tracker ever opens). */
    boolean alertShown() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            return false;
        }
    }

    /** Chooses the file on the import page and submits it; waits for the page with the result. */
    void upload(Path file) {
        driver.findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        WebElement button = driver.findElement(By.id("import-form:import-button"));
        button.click();
        waitUntil(ExpectedConditions.stalenessOf(button));
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("import-result")));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page height. */
    void fullPageScreenshot(String name) {
        Number height = (Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(WINDOW.getWidth(), Math.max(WINDOW.getHeight(),
                height.intValue() + 120)));
        waitForAjax();
        screenshot(name);
        driver.manage().window().setSize(WINDOW);
    }

    /** Waits until PrimeFaces has no ajax request queued or running. */
    void waitForAjax() {
        waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0);"));
    }

    private <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(condition::apply);
    }

    private static String css(String clientId) {
        return "#" + clientId.replace(":", "\\:");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
