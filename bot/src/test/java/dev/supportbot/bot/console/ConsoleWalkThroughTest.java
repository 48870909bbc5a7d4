package dev.supportbot.bot.console;

import static dev.supportbot.bot.console.ConsoleBot.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.LogLines;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walk-throughs of the README and {@code docs/walkthroughs.md}, driven over HTTP through the console's own forms
 * only, as a person clicks through them: adding a contact (approved, and rejected with a reason), fixing an email typo
 * an account manager asks for, and troubleshooting a license that needs a true-up. A healthy sandbox run, from start
 * to shutdown, logs no WARN or ERROR line.
 */
class ConsoleWalkThroughTest {
    private static final Duration BOT = Duration.ofSeconds(60);
    private static final Pattern MODAL_FORM = Pattern.compile("<form method=\"post\" action=\"(/helpdesk/slack/modals/V\\w+)\">.*?"
            + "<input type=\"hidden\" name=\"block\" value=\"(\\w+)\">\\s*<input type=\"hidden\" name=\"action\" value=\"(\\w+)\">",
            Pattern.DOTALL);
    private LogLines log;

    @BeforeEach
    void captureTheLog() {
        log = LogLines.capture();
    }

    @AfterEach
    void aHealthyRunLogsNoWarningOrError() {
        try {
            assertThat(log.warningsAndErrors()).as("WARN and ERROR lines of a healthy sandbox run").isEmpty();
        } finally {
            log.close();
        }
    }

    @Test
    void sam_is_verified_by_invoice_added_as_a_contact_approved_in_slack_and_shown_as_a_member() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            HttpResponse<String> before = console.get("/helpdesk/portal?subscription=A-S00001001");
            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(members(before.body())).contains("Pat Lee").doesNotContain("Sam Rivera");

            String ticketPath = samWaitsForApproval(console);
            String ticket = ticketPath.substring(ticketPath.lastIndexOf('/') + 1);
            assertThat(console.get("/").body()).contains("#" + ticket);

            HttpResponse<String> clicked = click(console, "approve", "U0SBAPPRV1");
            assertThat(clicked.statusCode()).isEqualTo(303);
            assertThat(clicked.headers().firstValue("Location").orElseThrow()).isEqualTo("/helpdesk/slack?answered=200&what=click");

            Await.until("the portal shows Sam as a member", BOT,
                    () -> members(console.get("/helpdesk/portal?subscription=A-S00001001").body()).contains("Sam Rivera &lt;sam@acme.example&gt;"));
            Await.until("the add-contact run finishes", BOT,
                    () -> console.get("/tickets/" + ticket).body().contains("<td>add contact</td><td>finished</td>"));
            Await.until("the bot has nothing left to do", BOT, () -> console.bot.inbox().depth() == 0);
            assertThat(console.get(ticketPath).body()).contains("supportbot_ov_verified");
            String timeline = console.get("/tickets/" + ticket).body();
            assertThat(story(timeline)).contains("Ownership verification: the ticket changed; now awaiting proof.")
                    .contains("Ownership verification: the ticket changed; now verified.")
                    .contains("Alex Morgan approved the plan (approval ")
                    .contains("Step 1 of the plan, done in the portal: Add Sam Rivera &lt;sam@acme.example&gt;")
                    .doesNotContain("slack:U").doesNotContain("AwaitingProof").doesNotContain("effects)").doesNotContain("attempts");
            assertThat(timeline).contains("<details id=\"raw-record\">").contains("audit: approval approved by slack:U0SBAPPRV1")
                    .contains("<summary>after</summary>").contains("&quot;billingAccountId&quot; : 1001");
            long storyRows = count(timeline, "<tr class=\"story\">");
            long rawRows = count(timeline.substring(timeline.indexOf("<details id=\"raw-record\">")), "<tr><td>");
            System.out.printf("walk-through timeline: %d story lines, %d raw rows%n", storyRows, rawRows);
            assertThat(storyRows).isBetween(5L, 25L).isLessThan(rawRows / 3);
        }
    }

    @Test
    void alex_rejects_the_plan_with_a_reason_typed_into_the_modal_and_nothing_changes_in_the_portal() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            String ticketPath = samWaitsForApproval(console);
            String ticket = ticketPath.substring(ticketPath.lastIndexOf('/') + 1);

            assertThat(click(console, "reject", "U0SBAPPRV1").statusCode()).isEqualTo(303);
            String[] modal = new String[3];
            Await.until("the reason modal, open for Alex", BOT, () -> {
                Matcher m = MODAL_FORM.matcher(console.get("/helpdesk/slack").body());
                if (!m.find()) return false;
                modal[0] = m.group(1);
                modal[1] = m.group(2);
                modal[2] = m.group(3);
                return true;
            });
            assertThat(console.get("/helpdesk/slack").body()).contains("open for Alex Morgan only").contains("Reject plan");
            // The bot records the view it opened right after Slack answers views.open; a person types for longer.
            Await.until("the bot to record the modal it opened", BOT, () -> console.count("SELECT COUNT(*) FROM slack_view") == 1);

            HttpResponse<String> submitted = console.post(modal[0], form("block", modal[1], "action", modal[2],
                    "value", "Sam left Acme last week"));
            assertThat(submitted.headers().firstValue("Location").orElseThrow()).isEqualTo("/helpdesk/slack?answered=200&what=submission");

            Await.until("the plan is rejected with the reason", BOT, () -> console.count(
                    "SELECT COUNT(*) FROM approval WHERE state = 'REJECTED' AND reject_reason = 'Sam left Acme last week'") == 1);
            Await.until("the story says who rejected it and why", BOT, () -> story(console.get("/tickets/" + ticket).body())
                    .contains("Alex Morgan rejected the plan (approval 1): Sam left Acme last week."));
            assertThat(console.get("/helpdesk/slack").body()).doesNotContain(modal[0] + "\"");
            assertThat(members(console.get("/helpdesk/portal?subscription=A-S00001001").body())).doesNotContain("Sam Rivera");
        }
    }

    @Test
    void the_account_managers_typo_fix_is_confirmed_approved_and_the_code_goes_to_the_corrected_address() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            String portal = "/helpdesk/portal?subscription=A-S00004001";
            assertThat(console.get(portal).body()).contains("alice@umbrela.example").contains("FAILED 550");

            String ticketPath = open(console, "avery.manager@gitlab.com", "Typo in the Umbrella Sold To email",
                    "Hi team, the activation code mail to alice@umbrela.example bounced. The customer's address is"
                            + " alice@umbrella.example, please fix it and resend the code.");
            applyMacro(console, ticketPath, "typo-fix-start");
            Await.until("the bot asks Avery to confirm the address", BOT,
                    () -> console.get(ticketPath).body().contains("confirm in writing"));
            assertThat(console.get(ticketPath).body()).contains("SMTP: 550 5.1.1 mailbox unavailable");

            comment(console, ticketPath, "avery.manager@gitlab.com", "Yes, alice@umbrella.example is right.");
            awaitButton(console, "approve");
            click(console, "approve", "U0SBAPPRV2");

            Await.until("the Sold To carries the corrected address", BOT, () -> soldTo(console.get(portal).body())
                    .contains("alice@umbrella.example"));
            Await.until("the activation code went to the corrected address", BOT, () -> console.get(portal).body()
                    .matches("(?s).*<td>alice@umbrella\\.example</td><td>DELIVERED 250</td>.*"));
            Await.until("the note asking Avery to update the CRM", BOT, () -> console.get(ticketPath).body().contains("CRM"));
        }
    }

    @Test
    void arts_true_up_error_is_explained_and_the_approved_fix_duplicates_his_license_with_the_true_up_he_needs() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            String portal = "/helpdesk/portal?subscription=A-S00006001";
            assertThat(console.get(portal).body()).doesNotContain("true-up 3");

            String ticketPath = open(console, "art@vandelay.example", "New license does not register",
                    "Hi, uploading our renewal license fails with:\n\n> You have applied a True-up for 2 users but you\n"
                            + "> need one for 3 users.\n\nThanks, Art");
            applyMacro(console, ticketPath, "license-troubleshooting-start");
            Await.until("the note explaining the error", BOT,
                    () -> console.get(ticketPath).body().contains("True-up in the license: 2; true-up needed: 3"));

            assertThat(console.post("/helpdesk/slack/commands", form("user", "U0SBAGENT1", "text", "licenses art@vandelay.example"))
                    .statusCode()).isEqualTo(303);
            Await.until("the licenses of Art, for Jordan only", BOT,
                    () -> {
                        String slack = console.get("/helpdesk/slack").body();
                        return slack.contains("only visible to Jordan Kim") && slack.contains("<strong>#1605</strong>");
                    });

            awaitButton(console, "approve");
            click(console, "approve", "U0SBAPPRV1");
            Await.until("the portal holds a copy of license 1605 with a true-up of 3", BOT,
                    () -> console.get(portal).body().contains("true-up 3"));
            Await.until("the done note", BOT, () -> console.get(ticketPath).body().contains("Done: license #1605"));
        }
    }

    /** Sam opens a ticket, is verified by his invoice, and Jordan's add-contact plan waits in Slack; the ticket's path. */
    private static String samWaitsForApproval(ConsoleBot console) {
        String ticketPath = open(console, "sam@acme.example", "Please make me a contact of A-S00001001",
                "Hello, I now look after our GitLab subscription A-S00001001 at Acme.");
        applyMacro(console, ticketPath, "ownership-verification-start");
        Await.until("the bot asks Sam for proof", BOT, () -> console.get(ticketPath).body().contains("supportbot_ov_awaiting_proof"));
        comment(console, ticketPath, "sam@acme.example", "Sure, our latest invoice is INV-1001-A.");
        Await.until("the bot verifies Sam", BOT, () -> console.get(ticketPath).body().contains("supportbot_ov_verified"));
        applyMacro(console, ticketPath, "add-contact-start");
        awaitButton(console, "approve");
        return ticketPath;
    }

    private static String open(ConsoleBot console, String requester, String subject, String body) {
        HttpResponse<String> opened = console.post("/helpdesk/tickets", form("requester", requester, "subject", subject, "body", body));
        assertThat(opened.statusCode()).isEqualTo(303);
        String path = opened.headers().firstValue("Location").orElseThrow();
        assertThat(path).matches("/helpdesk/tickets/\\d+");
        return path;
    }

    private static void applyMacro(ConsoleBot console, String ticketPath, String macro) {
        assertThat(console.post(ticketPath + "/macros", form("agent", "jordan.kim@gitlab.com", "macro", macro)).statusCode()).isEqualTo(303);
    }

    private static void comment(ConsoleBot console, String ticketPath, String author, String body) {
        assertThat(console.post(ticketPath + "/comments", form("author", author, "visibility", "public", "body", body)).statusCode())
                .isEqualTo(303);
    }

    private static void awaitButton(ConsoleBot console, String actionId) {
        Await.until("a " + actionId + " button in the Slack channel", BOT, () -> button(console, actionId) != null);
    }

    /** Clicks the newest message's button with this action id as a Slack user. */
    private static HttpResponse<String> click(ConsoleBot console, String actionId, String user) {
        String[] button = button(console, actionId);
        assertThat(button).as("a " + actionId + " button").isNotNull();
        return console.post("/helpdesk/slack/clicks", form("channel", button[0], "ts", button[1], "action_id", actionId, "user", user));
    }

    private static String[] button(ConsoleBot console, String actionId) {
        Matcher m = Pattern.compile("name=\"channel\" value=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"ts\" value=\"([^\"]+)\">\\s*"
                + "<input type=\"hidden\" name=\"action_id\" value=\"" + actionId + "\">").matcher(console.get("/helpdesk/slack").body());
        return m.find() ? new String[] {m.group(1), m.group(2)} : null;
    }

    /** The members table of the portal page. */
    private static String members(String page) {
        return page.substring(page.indexOf("<h2>Members"), page.indexOf("<h2>Customers"));
    }

    private static String soldTo(String page) {
        int at = page.indexOf("<th scope=\"row\">Sold To</th>");
        return page.substring(at, page.indexOf("</tr>", at));
    }

    /** The story table of a timeline page. */
    private static String story(String page) {
        int at = page.indexOf("<h2>What happened");
        return page.substring(at, page.indexOf("<details id=\"raw-record\">"));
    }

    private static long count(String text, String what) {
        return (text.length() - text.replace(what, "").length()) / what.length();
    }
}
