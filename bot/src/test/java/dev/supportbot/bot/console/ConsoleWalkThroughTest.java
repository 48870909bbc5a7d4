package dev.supportbot.bot.console;

import static dev.supportbot.bot.console.ConsoleBot.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.testing.Await;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, driven over HTTP through the console's own forms only: Sam Rivera opens a ticket about
 * A-S00001001, an agent applies the ownership verification macro, Sam answers with an invoice, the agent applies the
 * add-contact macro, an approver clicks Approve in the Slack channel, and the portal page shows Sam as a member.
 */
class ConsoleWalkThroughTest {
    private static final Duration BOT = Duration.ofSeconds(60);
    private static final Pattern APPROVE_FORM = Pattern.compile(
            "name=\"channel\" value=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"ts\" value=\"([^\"]+)\">\\s*"
                    + "<input type=\"hidden\" name=\"action_id\" value=\"approve\">");

    @Test
    void sam_is_verified_by_invoice_added_as_a_contact_approved_in_slack_and_shown_as_a_member() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            HttpResponse<String> before = console.get("/helpdesk/portal?subscription=A-S00001001");
            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(members(before.body())).contains("Pat Lee").doesNotContain("Sam Rivera");

            HttpResponse<String> opened = console.post("/helpdesk/tickets", form("requester", "sam@acme.example",
                    "subject", "Please make me a contact of A-S00001001",
                    "body", "Hello, I now look after our GitLab subscription A-S00001001 at Acme."));
            assertThat(opened.statusCode()).isEqualTo(303);
            String ticketPath = opened.headers().firstValue("Location").orElseThrow();
            assertThat(ticketPath).matches("/helpdesk/tickets/\\d+");
            String ticket = ticketPath.substring(ticketPath.lastIndexOf('/') + 1);

            assertThat(console.post(ticketPath + "/macros", form("agent", "jordan.kim@gitlab.com",
                    "macro", "ownership-verification-start")).statusCode()).isEqualTo(303);
            Await.until("the bot asks Sam for proof", BOT, () -> console.get(ticketPath).body().contains("supportbot_ov_awaiting_proof"));

            assertThat(console.post(ticketPath + "/comments", form("author", "sam@acme.example", "visibility", "public",
                    "body", "Sure, our latest invoice is INV-1001-A.")).statusCode()).isEqualTo(303);
            Await.until("the bot verifies Sam", BOT, () -> console.get(ticketPath).body().contains("supportbot_ov_verified"));

            assertThat(console.post(ticketPath + "/macros", form("agent", "jordan.kim@gitlab.com",
                    "macro", "add-contact-start")).statusCode()).isEqualTo(303);
            String[] approve = new String[2];
            Await.until("the plan waits for approval in the Slack channel", BOT, () -> {
                Matcher m = APPROVE_FORM.matcher(console.get("/helpdesk/slack").body());
                if (!m.find()) return false;
                approve[0] = m.group(1);
                approve[1] = m.group(2);
                return true;
            });
            assertThat(console.get("/").body()).contains("#" + ticket);

            HttpResponse<String> clicked = console.post("/helpdesk/slack/clicks", form("channel", approve[0], "ts", approve[1],
                    "action_id", "approve", "user", "U0SBAPPRV1"));
            assertThat(clicked.statusCode()).isEqualTo(303);
            assertThat(clicked.headers().firstValue("Location").orElseThrow()).isEqualTo("/helpdesk/slack?answered=200");

            Await.until("the portal shows Sam as a member", BOT,
                    () -> members(console.get("/helpdesk/portal?subscription=A-S00001001").body()).contains("Sam Rivera &lt;sam@acme.example&gt;"));
            Await.until("the operator timeline shows the executed step", BOT,
                    () -> console.get("/tickets/" + ticket).body().contains("audit: plan step by supportbot"));
            Await.until("the add-contact run finishes", BOT,
                    () -> console.get("/tickets/" + ticket).body().contains("<td>add contact</td><td>finished</td>"));
            assertThat(console.get(ticketPath).body()).contains("supportbot_ov_verified");
            assertThat(console.get("/tickets/" + ticket).body()).contains("audit: approval approved by slack:U0SBAPPRV1")
                    .contains("<summary>after</summary>").contains("&quot;billingAccountId&quot; : 1001");
        }
    }

    /** The members table of the portal page. */
    private static String members(String page) {
        int start = page.indexOf("<h2>Members");
        int end = page.indexOf("<h2>Customers");
        return page.substring(start, end);
    }
}
