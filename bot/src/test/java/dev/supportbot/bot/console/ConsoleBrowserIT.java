package dev.supportbot.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's walk-through in headless Chromium, clicking and typing as a person does: Sam Rivera opens a ticket,
 * Jordan Kim applies the ownership verification macro, Sam answers with an invoice, Jordan applies the add-contact
 * macro, the plan's message reads as Slack shows it, Jordan types {@code /lnr help}, Alex Morgan clicks Approve in the
 * Slack channel, and the portal page shows Sam among the members; and the same plan rejected by Alex with a reason
 * typed into the modal. Each step leaves a screenshot in {@code target/browser-walkthrough/approve/} or
 * {@code .../reject/}. Run by the browser profile only
 * ({@code mvn -B -Pbrowser verify -pl bot -am}); system properties {@code browser.chromium} and
 * {@code browser.chromedriver} override the Debian paths of the browser and its driver.
 */
class ConsoleBrowserIT {
    /** How long the bot may take to act on a ticket or a click (reloading the page meanwhile, as a person would). */
    private static final Duration BOT = Duration.ofSeconds(60);
    private static final Duration PAGE = Duration.ofSeconds(15);
    private static final String SAM = "Sam Rivera <sam@acme.example>";

    private ConsoleBot console;
    private ChromeDriverService service;
    private WebDriver browser;
    private Path screenshots;
    private int step;

    @BeforeEach
    void start(TestInfo test) throws IOException {
        screenshots = Path.of(System.getProperty("browser.screenshots", "target/browser-walkthrough"))
                .resolve(test.getTestMethod().orElseThrow().getName().startsWith("alex_rejects") ? "reject" : "approve");
        Files.createDirectories(screenshots);
        try (var old = Files.newDirectoryStream(screenshots, "*.png")) {
            for (Path png : old) Files.delete(png); // a failed run's pictures must not pass for this run's
        }
        console = ConsoleBot.sandbox();
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("browser.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800");
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (service != null) service.stop();
        if (console != null) console.close();
    }

    @Test
    void sam_is_verified_added_as_a_contact_approved_in_slack_and_shown_as_a_member_by_clicking_through_the_console() {
        String ticketUrl = samWaitsForApproval();
        String ticket = ticketUrl.substring(ticketUrl.lastIndexOf('/') + 1);

        // The plan's message reads as Slack shows it: bold labels, the ticket as a link to its page, people by name.
        WebElement message = browser.findElement(approveButton()).findElement(By.xpath("./ancestor::article"));
        assertThat(message.findElements(By.tagName("strong")).stream().map(WebElement::getText)).contains("Ticket", "Requester");
        assertThat(message.getText()).doesNotContain("*Ticket*").doesNotContain("<http").doesNotContain("|#");
        WebElement link = message.findElement(By.linkText("#" + ticket));
        assertThat(link.getAttribute("href")).endsWith("/agent/tickets/" + ticket);

        // Jordan types /lnr help; the answer is shown to Jordan only, formatted.
        new Select(browser.findElement(By.id("command-user"))).selectByVisibleText("Jordan Kim");
        browser.findElement(By.id("command-text")).sendKeys("help");
        submit(By.xpath("//button[normalize-space()='Send']"));
        reloadUntil("the list of commands, for Jordan only", () -> browser.findElements(By.cssSelector("article.ephemeral")).stream()
                .anyMatch(e -> e.getText().contains("only visible to Jordan Kim") && !e.findElements(By.xpath(
                        ".//strong[normalize-space()='supportbot commands']")).isEmpty()));
        assertThat(browser.findElements(By.cssSelector("article.ephemeral code")).stream().map(WebElement::getText)).contains("/lnr help");
        screenshot("lnr-help");

        // 5. Alex Morgan (an approver; Jordan started the plan and may not approve it) clicks Approve.
        WebElement approveForm = browser.findElement(approveButton()).findElement(By.xpath("./ancestor::form"));
        new Select(approveForm.findElement(By.tagName("select"))).selectByVisibleText("Alex Morgan");
        approveForm.findElement(approveButton()).click();
        new WebDriverWait(browser, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=status]"), "The bot answered the click with HTTP 200"));
        screenshot("approved");

        // 6. Back on the ticket, the portal state shows Sam among the members; Pat Lee is still the Sold To.
        browser.get(ticketUrl);
        click(By.linkText("Portal state of A-S00001001"));
        reloadUntil("the portal shows Sam as a member", () -> members().contains(SAM));
        assertThat(browser.findElement(By.xpath("//th[normalize-space()='Sold To']/following-sibling::td")).getText())
                .contains("Pat Lee");
        screenshot("portal-sam-is-a-member");

        browser.get(ticketUrl);
        click(By.linkText("the bot's timeline of this ticket"));
        reloadUntil("the add-contact run finishes", () -> !browser.findElements(
                By.xpath("//tr[td[normalize-space()='add contact'] and td[normalize-space()='finished']]")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ticket " + ticket);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Alex Morgan approved the plan")
                .contains("Step 1 of the plan, done in the portal: Add Sam Rivera <sam@acme.example>")
                .doesNotContain("slack:U0SBAPPRV1");
        assertThat(browser.findElement(By.id("raw-record")).getAttribute("open")).isNull();
        click(By.xpath("//details[@id='raw-record']/summary"));
        assertThat(browser.findElement(By.id("raw-record")).getText()).contains("approval approved by slack:U0SBAPPRV1 Alex Morgan");
        screenshot("timeline");
    }

    @Test
    void alex_rejects_the_plan_with_a_reason_typed_into_the_modal() {
        String ticketUrl = samWaitsForApproval();
        String ticket = ticketUrl.substring(ticketUrl.lastIndexOf('/') + 1);

        WebElement rejectForm = browser.findElement(rejectButton()).findElement(By.xpath("./ancestor::form"));
        new Select(rejectForm.findElement(By.tagName("select"))).selectByVisibleText("Alex Morgan");
        submit(rejectForm.findElement(rejectButton()));
        reloadUntil("the reason modal, open for Alex", () -> !browser.findElements(By.cssSelector("section.modal textarea")).isEmpty());
        WebElement modal = browser.findElement(By.cssSelector("section.modal"));
        assertThat(modal.getText()).contains("Reject plan").contains("open for Alex Morgan only");
        modal.findElement(By.tagName("textarea")).sendKeys("Sam left Acme last week");
        screenshot("reject-reason");
        modal.findElement(By.xpath(".//button[normalize-space()='Reject']")).click();
        new WebDriverWait(browser, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=status]"), "The bot answered the form with HTTP 200"));
        assertThat(browser.findElements(By.cssSelector("section.modal"))).isEmpty();

        browser.get(console.url("/tickets/" + ticket));
        reloadUntil("the story says who rejected the plan and why", () -> browser.findElement(By.tagName("main")).getText()
                .contains("Alex Morgan rejected the plan (approval 1): Sam left Acme last week."));
        screenshot("rejected");
    }

    /** Sam opens a ticket and is verified by his invoice; Jordan's add-contact plan waits in the Slack channel. */
    private String samWaitsForApproval() {
        browser.get(console.url("/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        screenshot("console");

        // 1. Sam opens a ticket.
        click(By.linkText("Tickets"));
        new Select(browser.findElement(By.id("requester"))).selectByVisibleText(SAM);
        browser.findElement(By.id("subject")).sendKeys("Please make me a contact of A-S00001001");
        browser.findElement(By.id("body")).sendKeys("Hello, I now look after our GitLab subscription A-S00001001 at Acme.");
        screenshot("new-ticket-form");
        click(By.xpath("//button[normalize-space()='Open ticket']"));
        new WebDriverWait(browser, PAGE).until(ExpectedConditions.urlMatches("/helpdesk/tickets/\\d+$"));
        String ticketUrl = browser.getCurrentUrl();
        assertThat(browser.getPageSource()).contains("Please make me a contact of A-S00001001");
        screenshot("ticket-opened");

        // 2. Jordan Kim applies the ownership verification macro; the bot asks Sam for a proof.
        applyMacro("Support::L&R::Ownership verification::Start (supportbot)");
        reloadUntil("the bot asks Sam for proof", () -> tags().contains("supportbot_ov_awaiting_proof"));
        screenshot("proof-requested");

        // 3. Sam answers publicly with the invoice ("write as" is Sam, the requester); the bot verifies him.
        assertThat(new Select(browser.findElement(By.id("author"))).getFirstSelectedOption().getText()).isEqualTo(SAM);
        click(By.xpath("//label[contains(normalize-space(), 'public reply')]/input"));
        browser.findElement(By.id("comment-body")).sendKeys("Sure, our latest invoice is INV-1001-A.");
        submit(By.xpath("//button[normalize-space()='Post comment']"));
        reloadUntil("the bot verifies Sam", () -> tags().contains("supportbot_ov_verified"));
        assertThat(browser.findElements(By.cssSelector("article.comment .text")).stream().map(WebElement::getText))
                .anyMatch(text -> text.contains("INV-1001-A"));
        screenshot("ownership-verified");

        // 4. Jordan applies the add-contact macro; the plan waits for approval in the Slack channel.
        applyMacro("Support::L&R::Add contact::Start (supportbot)");
        screenshot("add-contact-applied");
        click(By.linkText("Slack channel"));
        reloadUntil("the plan waits for approval in the Slack channel",
                () -> !browser.findElements(approveButton()).isEmpty());
        screenshot("approval-waiting");
        return ticketUrl;
    }

    private static By rejectButton() {
        return By.xpath("//form[@action='/helpdesk/slack/clicks']//button[normalize-space()='Reject']");
    }

    private static By approveButton() {
        return By.xpath("//form[@action='/helpdesk/slack/clicks']//button[normalize-space()='Approve']");
    }

    private void applyMacro(String title) {
        new Select(browser.findElement(By.id("agent"))).selectByVisibleText("Jordan Kim <jordan.kim@gitlab.com>");
        new Select(browser.findElement(By.id("macro"))).selectByVisibleText(title);
        submit(By.xpath("//button[normalize-space()='Apply macro']"));
    }

    /** Clicks a form's button and waits until the page it leads to has replaced this one, before anything reloads it. */
    private void submit(By button) {
        submit(new WebDriverWait(browser, PAGE).until(ExpectedConditions.elementToBeClickable(button)));
    }

    private void submit(WebElement element) {
        element.click();
        // The old page is gone once its button is: Chromium says so as a stale element or, mid-navigation, as an
        // inspector error ("Node with given id does not belong to the document").
        new WebDriverWait(browser, PAGE).until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(browser, PAGE).ignoring(org.openqa.selenium.WebDriverException.class).until(driver -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    private void click(By target) {
        new WebDriverWait(browser, PAGE).until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    /** Reloads the page, as the console's pages ask a person to, until the condition holds. */
    private void reloadUntil(String what, BooleanSupplier condition) {
        new WebDriverWait(browser, BOT)
                .pollingEvery(Duration.ofMillis(500))
                .withMessage(what)
                .until(driver -> {
                    driver.navigate().refresh();
                    return condition.getAsBoolean();
                });
    }

    private String tags() {
        return browser.findElements(By.cssSelector("span.tag")).stream().map(WebElement::getText).toList().toString();
    }

    /** The text of the members table of the portal page. */
    private String members() {
        return browser.findElement(By.xpath("//h2[starts-with(normalize-space(), 'Members')]/following-sibling::table[1]")).getText();
    }

    private void screenshot(String name) {
        step++;
        Path target = screenshots.resolve(String.format("%02d-%s.png", step, name));
        try {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
