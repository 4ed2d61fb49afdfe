package io.tracker.it.browser;

import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.TrackerClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code /usr/bin/chromium} with {@code /usr/bin/chromedriver}, so
 * nothing is downloaded) and what the Tracker pages offer a person: sign in on Keycloak's real login
 * page and sign out, switch clients, read the navigation, pick dates and a model, read KPI cards and
 * tables, fill forms and dialogs, upload a file and download one. Element ids are the stable ones the pages document.
 * Screenshots go to {@code target/screenshots/} of the tracker-it module, downloads to a folder of each
 * browser's own under {@code target/downloads/}.
 */
final class Browser implements AutoCloseable, AfterEachCallback {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Dimension WINDOW = new Dimension(1400, 1000);

    private final URI base;
    private final ChromeDriver driver;
    private final Path screenshots;
    /** Where Chromium saves downloads: a folder of this browser's own under {@code target/downloads/}. */
    private final Path downloads;
    private final String lastScreenshotPrefix;
    private final List<String> cspViolations = new java.util.ArrayList<>();
    private final List<String> console = new java.util.ArrayList<>();

    /**
     * A browser for one test method, to register with {@code @RegisterExtension}: after the test it
     * keeps what the browser showed last (the state of a failure) as {@code <prefix><method>.png},
     * then closes.
     */
    static Browser forEachTest(String lastScreenshotPrefix) {
        return new Browser(TrackerClient.BASE_URL, lastScreenshotPrefix);
    }

    /**
     * A browser for one test method (as {@link #forEachTest}) that presents itself as desktop Chrome
     * ({@link #DESKTOP_USER_AGENT}): Tracker counts a headless browser as a robot and stores none of its hits.
     */
    static Browser forEachTestAsDesktop(String lastScreenshotPrefix) {
        return new Browser(TrackerClient.BASE_URL, lastScreenshotPrefix, DESKTOP_USER_AGENT);
    }

    /** A desktop Chrome on Linux, as Tracker's bot detection sees an ordinary visitor. */
    static final String DESKTOP_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0.0.0 Safari/537.36";

    Browser(URI base, String lastScreenshotPrefix) {
        this(base, lastScreenshotPrefix, null);
    }

    /** @param userAgent the user agent to present instead of headless Chromium's own; null: its own */
    Browser(URI base, String lastScreenshotPrefix, String userAgent) {
        this.base = base;
        this.lastScreenshotPrefix = lastScreenshotPrefix;
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight());
        if (userAgent != null) {
            options.addArguments("--user-agent=" + userAgent);
        }
        // The console, to find Content-Security-Policy violations (see cspViolations).
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        Path target = Path.of(System.getProperty("tracker.it.module-dir", "."), "target");
        try {
            Files.createDirectories(target.resolve("downloads"));
            this.downloads = Files.createTempDirectory(target.resolve("downloads"), "browser-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        this.driver = new ChromeDriver(options);
        // Headless Chromium may still refuse downloads without this DevTools setting.
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        this.screenshots = target.resolve("screenshots");
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

    /** The texts of every element matching, in document order. */
    List<String> texts(By by) {
        return driver.findElements(by).stream().map(e -> e.getText().trim()).toList();
    }

    boolean isPresent(By by) {
        return !driver.findElements(by).isEmpty();
    }

    boolean isEnabled(By by) {
        return driver.findElement(by).isEnabled();
    }

    /** The cookie of the current page's host with that name, with its attributes, or null. */
    Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** The names of the cookies the current page's host has. */
    List<String> cookieNames() {
        return driver.manage().getCookies().stream().map(Cookie::getName).sorted().toList();
    }

    /** Deletes the current page's host's cookies: the next page is a new visitor's. */
    void deleteCookies() {
        driver.manage().deleteAllCookies();
    }

    /** Sets (or replaces) a cookie for the current page's host, as a page's own script could. */
    void setCookie(Cookie cookie) {
        driver.manage().addCookie(cookie);
    }

    /** The servlet session cookie, or null when the browser has no session. */
    Cookie sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID");
    }

    /**
     * Signs in from scratch: opens {@code /app/}, which sends the browser to Keycloak's login page,
     * fills in the person's credentials there and waits until Tracker shows a page again.
     */
    void signIn(DemoUser user) {
        open("app/");
        signInOnKeycloak(user);
    }

    /** On Keycloak's login page (which must be showing): types the credentials and submits. */
    void signInOnKeycloak(DemoUser user) {
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        if (!currentUrl().startsWith(Keycloak.BASE_URL.toString())) {
            throw new AssertionError("expected Keycloak's login page, got " + currentUrl());
        }
        WebElement username = driver.findElement(By.id("username"));
        username.clear();
        username.sendKeys(user.email());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.id("kc-login")).click();
        waitUntil(d -> d.getCurrentUrl().startsWith(base.toString()) && !d.getCurrentUrl().contains("code="));
        waitForAjax();
    }

    /** Whether Keycloak's login form is what the browser shows. */
    boolean onKeycloakLogin() {
        return currentUrl().startsWith(Keycloak.BASE_URL.toString()) && isPresent(By.id("kc-login"));
    }

    /** Tracker's public landing page (in the UI module; {@code /} redirects there). */
    static final String LANDING_PAGE = "app/welcome.xhtml";

    /** Clicks "Sign out" and waits until Keycloak has sent the browser back to Tracker's landing page. */
    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        waitUntil(d -> d.getCurrentUrl().equals(url(LANDING_PAGE)) && !d.findElements(By.id("sign-in-button")).isEmpty());
    }

    /**
     * Submits a form to a Tracker URL from a page of another origin (the test Keycloak's realm
     * document, so same site but another origin: the session cookie goes along, as it would from any
     * page on the same host), as a forging page would, and waits for the answer page.
     */
    void postFromAnotherOrigin(String path) {
        driver.get(Keycloak.BASE_URL.resolve("realms/tracker").toString());
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
        script("var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                + "document.body.appendChild(f); f.submit();", url(path));
        waitUntil(d -> d.getCurrentUrl().equals(url(path))
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
    }

    /** The name of the client the header's switcher shows as selected. */
    String selectedTenant() {
        return text(By.id("tenant-form:tenant-switch_label"));
    }

    /** The caller's role in the selected client, as the badge beside the switcher says. */
    String role() {
        return text(By.id("tenant-role"));
    }

    /**
     * The entries of the tenant switcher, each as "client name · role" in the order listed (read
     * from the list's markup, which is there while the list is closed).
     */
    List<String> tenantChoices() {
        return switcherRows().stream()
                .map(row -> textContent(row.findElement(By.className("switch-tenant"))) + " · "
                        + textContent(row.findElement(By.className("role-badge"))))
                .toList();
    }

    private static String textContent(WebElement element) {
        return element.getAttribute("textContent").trim();
    }

    /** Picks a client in the tenant switcher and waits for the page it then shows. */
    void switchTenant(String name) {
        openSwitcher();
        WebElement item = switcherRows().stream()
                .filter(row -> row.findElement(By.className("switch-tenant")).getText().trim().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("the switcher does not list " + name));
        WebElement page = driver.findElement(By.tagName("html"));
        item.click();
        waitUntil(ExpectedConditions.stalenessOf(page));
        waitForAjax();
        waitUntil(d -> name.equals(d.findElement(By.id("tenant-form:tenant-switch_label")).getText().trim()));
    }

    private void openSwitcher() {
        driver.findElement(By.id("tenant-form:tenant-switch")).click();
        waitUntilShown("tenant-form:tenant-switch_panel");
    }

    private List<WebElement> switcherRows() {
        return driver.findElements(By.cssSelector(css("tenant-form:tenant-switch_panel") + " tr.ui-selectonemenu-item"));
    }

    /** The visible entries of the main navigation, by their text. */
    List<String> navigation() {
        return driver.findElements(By.cssSelector("nav.nav a.nav-link")).stream().filter(WebElement::isDisplayed)
                .map(a -> a.getText().trim()).toList();
    }

    /**
     * The HTTP status of a GET of the path with the browser's own session (a {@code fetch} in the
     * page); a redirect counts as 302 and is not followed.
     */
    int status(String path) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
                        + ".then(function (r) { done(r.type === 'opaqueredirect' ? 302 : r.status); })"
                        + ".catch(function (e) { done(-1); });", url(path));
        return ((Number) status).intValue();
    }

    /** A response header of a GET of the path with the browser's own session (null when absent). */
    String responseHeader(String path, String name) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var name = arguments[1];"
                        + "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
                        + ".then(function (r) { done(r.headers.get(name)); })"
                        + ".catch(function (e) { done('fetch failed: ' + e); });", url(path), name);
    }

    /** Opens a second tab of the same browser (same session) and switches to it; returns the first tab's handle. */
    String openSecondTab() {
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        return first;
    }

    /** The handle of the tab or window in use. */
    String currentTab() {
        return driver.getWindowHandle();
    }

    /** The elements the locator finds now (none: empty). */
    List<WebElement> elements(By by) {
        return driver.findElements(by);
    }

    /** Switches to the tab or window with this handle. */
    void switchToTab(String handle) {
        driver.switchTo().window(handle);
    }

    /** Runs a script in the page and returns what it returns. */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an asynchronous script (it calls its last argument when done) and returns that value. */
    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** The page's title as the browser shows it. */
    String title() {
        return driver.getTitle();
    }

    /** The whole visible text of the page. */
    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Types into an input (cleared first). */
    void type(By by, String text) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(text);
    }

    void click(By by) {
        waitUntil(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Clicks and waits until PrimeFaces' ajax request is done. */
    void clickAjax(By by) {
        click(by);
        waitForAjax();
    }

    /** Clicks something that loads another page and waits for it. */
    void clickAndWaitForPage(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(by);
        waitUntil(ExpectedConditions.stalenessOf(page));
        waitForAjax();
    }

    /** Clicks the element matching the CSS selector in the table row with that text, and waits for its ajax request. */
    void clickInRow(String tableId, String rowContaining, String css) {
        centred(row(tableId, rowContaining).findElement(By.cssSelector(css))).click();
        waitForAjax();
    }

    /** Clicks the element matching the CSS selector in the table row with that text, and waits for the next page. */
    void clickInRowAndWaitForPage(String tableId, String rowContaining, String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        centred(row(tableId, rowContaining).findElement(By.cssSelector(css))).click();
        waitUntil(ExpectedConditions.stalenessOf(page));
        waitForAjax();
    }

    /** Waits until the element is shown (such as a dialog opening). */
    void waitVisible(By by) {
        waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element is hidden or gone (such as a dialog closing). */
    void waitHidden(By by) {
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    /** Answers "Yes" in the confirmation dialog that a button with p:confirm opened. */
    void confirm() {
        waitVisible(By.id("confirm-dialog"));
        clickAjax(By.id("confirm-yes"));
        waitHidden(By.id("confirm-dialog"));
    }

    /** The texts of the messages shown by the p:messages with this client id. */
    List<String> messages(String id) {
        return driver.findElements(By.cssSelector(css(id) + " .ui-messages-info-summary, " + css(id)
                        + " .ui-messages-error-summary, " + css(id) + " .ui-messages-warn-summary")).stream()
                .map(e -> e.getText().trim()).toList();
    }

    /** The body row of a data table whose text contains the given text. */
    WebElement row(String tableId, String containing) {
        return driver.findElements(By.cssSelector(css(tableId) + " tbody tr")).stream()
                .filter(r -> r.getText().contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + containing + " in " + tableId + ": "
                        + tableRows(tableId)));
    }

    /** Chooses an item of a PrimeFaces selectOneMenu by its label (typing a filter first if it has one). */
    void selectMenuItem(String menuId, String label) {
        driver.findElement(By.id(menuId)).click();
        waitUntilShown(menuId + "_panel");
        List<WebElement> filter = driver.findElements(By.id(menuId + "_filter"));
        if (!filter.isEmpty()) {
            filter.get(0).sendKeys(label);
        }
        By item = By.cssSelector(css(menuId + "_panel") + " li.ui-selectonemenu-item[data-label=\"" + label + "\"]");
        click(item);
        waitForAjax();
        waitUntil(d -> label.equals(d.findElement(By.id(menuId + "_label")).getText().trim()));
    }

    /**
     * Types into a PrimeFaces autoComplete and picks the suggestion with that label, waiting for the
     * suggestion list (which comes by ajax after the component's typing delay) and for it to close,
     * so that no late suggestion list can open over the rest of the form.
     *
     * @param autoCompleteId the component's client id, such as {@code campaign-form:campaign-channel}
     */
    void chooseSuggestion(String autoCompleteId, String typed, String label) {
        type(By.id(autoCompleteId + "_input"), typed);
        click(By.cssSelector(css(autoCompleteId + "_panel") + " li.ui-autocomplete-item[data-item-label=\""
                + label + "\"]"));
        waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(autoCompleteId + "_panel")));
        waitForAjax();
        waitUntil(d -> label.equals(d.findElement(By.id(autoCompleteId + "_input")).getAttribute("value")));
    }

    /** Waits until an overlay (a menu's panel) is shown and its opening animation is over. */
    private void waitUntilShown(String id) {
        waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "var p = document.getElementById(arguments[0]);"
                        + "return !!p && p.getClientRects().length > 0 && getComputedStyle(p).opacity === '1'"
                        + " && !(window.jQuery && jQuery(p).is(':animated'));", id)));
    }

    /**
     * Types both dates of the dashboard (yyyy-MM-dd) as a user would, each followed by Tab, and waits
     * until the report has been reloaded for each date that changed.
     */
    void setDates(String from, String to) {
        typeDate("filters:from_input", from);
        typeDate("filters:to_input", to);
    }

    /**
     * Types a date into a date picker's field and leaves it with Tab. Nothing here depends on timing:
     * before leaving the field it checks that the field holds exactly the typed text and still has the
     * focus (had anything taken the focus, such as a calendar opening, keys would have been lost, and
     * the failure names what the field holds); the change then reloads the report by ajax, and the
     * wait is for the old report element to be replaced, which happens only when that response has
     * arrived, followed by an empty ajax queue.
     */
    private void typeDate(String id, String date) {
        By field = By.id(id);
        WebElement input = driver.findElement(field);
        if (date.equals(input.getAttribute("value"))) {
            return; // no change event, no reload
        }
        WebElement report = driver.findElement(By.id("report"));
        centred(input).click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(date);
        String typed = input.getAttribute("value");
        boolean focused = Boolean.TRUE.equals(script("return document.activeElement === arguments[0];", input));
        if (!date.equals(typed) || !focused) {
            throw new AssertionError("typing " + date + " into " + id + " left '" + typed + "'"
                    + (focused ? "" : " and the focus elsewhere"));
        }
        input.sendKeys(Keys.TAB);
        waitUntil(ExpectedConditions.stalenessOf(report));
        waitForAjax();
        String kept = driver.findElement(field).getAttribute("value");
        if (!date.equals(kept)) {
            throw new AssertionError(id + " holds '" + kept + "' after the reload, typed " + date);
        }
        if (calendarOpen(driver)) {
            throw new AssertionError("the calendar opened while a date was typed into " + id);
        }
    }

    /**
     * Opens a dashboard date picker's calendar with its button, clicks the given day of the month it
     * shows, and waits until the calendar has closed and the report has been reloaded.
     *
     * @param pickerId the picker's client id, such as {@code filters:from}
     */
    void pickDayFromCalendar(String pickerId, int day) {
        WebElement report = driver.findElement(By.id("report"));
        click(By.cssSelector(css(pickerId) + " button.ui-datepicker-trigger"));
        waitUntilShown(pickerId + "_panel");
        click(By.xpath("//div[@id='" + pickerId + "_panel']//td[not(contains(@class,'ui-datepicker-other-month'))]"
                + "/a[normalize-space(.)='" + day + "']"));
        waitUntil(ExpectedConditions.stalenessOf(report));
        waitForAjax();
        waitUntil(d -> !calendarOpen(d));
    }

    /** The text in an input field. */
    String value(By by) {
        return driver.findElement(by).getAttribute("value");
    }

    private static boolean calendarOpen(WebDriver d) {
        return d.findElements(By.cssSelector(".ui-datepicker-panel, .ui-datepicker")).stream()
                .anyMatch(WebElement::isDisplayed);
    }

    /** Clicks a model in the selector and waits until the report shows it. */
    void chooseModel(String label) {
        centred(driver.findElement(By.xpath("//div[@id='filters:model']/div[contains(@class,'ui-button')]"
                + "[normalize-space(.)='" + label + "']"))).click();
        waitUntil(d -> label.equals(d.findElement(By.id("attribution-model")).getText().trim()));
        waitForAjax();
    }

    /**
     * Scrolls the element to the middle of the window: clicked where the browser scrolls it by itself (its top
     * edge), it can lie under the sticky top bar, which would take the click.
     */
    private WebElement centred(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        return element;
    }

    /** Scrolls the element into the middle of the window (a card that loads once it is seen, say). */
    void reveal(By by) {
        centred(driver.findElement(by));
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
        return chartDrawn("channel-chart");
    }

    /** Whether Chart.js has drawn the chart with this client id into its canvas. */
    boolean chartDrawn(String chartId) {
        try {
            waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var c = document.querySelector(arguments[0] + ' canvas');"
                            + "return !!c && c.width > 0 && !!window.Chart && !!Chart.getChart(c);", css(chartId)));
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

    /**
     * Chooses the file in the form's file input and submits it with the button (a full page request);
     * waits for the new page.
     */
    void upload(Path file, String formId, String buttonId) {
        driver.findElement(By.cssSelector(css(formId) + " input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        WebElement button = driver.findElement(By.id(buttonId));
        button.click();
        waitUntil(ExpectedConditions.stalenessOf(button));
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id(buttonId)));
    }

    /**
     * Clicks something whose answer is a file download (such as the dashboard's "Export CSV") and waits
     * until Chromium has saved a new, complete file.
     *
     * @return the saved file
     */
    Path download(By by) {
        Set<Path> before = downloadedFiles();
        centred(driver.findElement(by)).click();
        return waitUntil(d -> {
            Set<Path> now = downloadedFiles();
            now.removeAll(before);
            // Chromium writes "<name>.crdownload" and renames it when the download is complete.
            boolean busy = now.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
            return busy || now.size() != 1 ? null : now.iterator().next();
        });
    }

    private Set<Path> downloadedFiles() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.collect(Collectors.toCollection(HashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * Shows the pages as a screen of this CSS size (Chromium's device emulation; {@code mobile}: a phone's
     * viewport that honours the page's viewport meta tag), until {@link #stopEmulatingViewport}.
     */
    void emulateViewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    void stopEmulatingViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Waits until PrimeFaces has no ajax request queued or running. */
    void waitForAjax() {
        waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0);"));
    }

    <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(condition::apply);
    }

    static String css(String clientId) {
        return "#" + clientId.replace(":", "\\:");
    }

    /**
     * The Content-Security-Policy violations Chromium reported on its console since the browser
     * started (every page shown so far), such as "Refused to execute inline script because it
     * violates the following Content Security Policy directive: …".
     */
    List<String> cspViolations() {
        readConsole();
        return List.copyOf(cspViolations);
    }

    /** Every message Chromium's console printed since the browser started (every page shown so far). */
    List<String> consoleMessages() {
        readConsole();
        return List.copyOf(console);
    }

    /** Chromium hands each console entry out once: keep them all, and the CSP violations apart. */
    private void readConsole() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
            String m = entry.getMessage();
            console.add(m);
            if (m.contains("Content Security Policy") || m.contains("Content-Security-Policy")) {
                cspViolations.add(m);
            }
        }
    }

    /** The violations so far (as {@link #cspViolations()}), forgotten afterwards: for a test that causes one. */
    List<String> takeCspViolations() {
        List<String> taken = cspViolations();
        cspViolations.clear();
        return taken;
    }

    /**
     * After each test: keeps a screenshot of what the browser showed last, and fails the test when a
     * page broke the Content-Security-Policy (a script, style or font it needs was refused).
     */
    @Override
    public void afterEach(ExtensionContext context) {
        try {
            screenshot(lastScreenshotPrefix + context.getTestMethod().map(m -> m.getName()).orElse("test"));
            List<String> violations = cspViolations();
            if (!violations.isEmpty()) {
                throw new AssertionError("the pages broke their Content-Security-Policy: " + violations);
            }
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
