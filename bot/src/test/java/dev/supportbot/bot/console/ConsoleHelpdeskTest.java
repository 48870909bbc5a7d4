package dev.supportbot.bot.console;

import static dev.supportbot.bot.console.ConsoleBot.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The sandbox helpdesk's forms have no default that silently does nothing: "write as" is the ticket's requester, the
 * agent who applies a macro must be chosen and is never the bot itself, the account manager can open a ticket, and
 * the ticket's status moves as in Zendesk.
 */
class ConsoleHelpdeskTest {

    @Test
    void write_as_defaults_to_the_requester_and_a_macro_needs_an_agent_who_is_not_the_bot() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            String tickets = console.get("/helpdesk").body();
            assertThat(tickets).contains("<optgroup label=\"Staff\">")
                    .contains("<option value=\"avery.manager@gitlab.com\">Avery Manager &lt;avery.manager@gitlab.com&gt; (account manager)</option>");

            String path = console.post("/helpdesk/tickets", form("requester", "avery.manager@gitlab.com",
                    "subject", "Typo in the Sold To of A-S00004001", "body", "Please fix alice@umbrela.example"))
                    .headers().firstValue("Location").orElseThrow();
            String page = console.get(path).body();
            assertThat(page).contains("<option value=\"avery.manager@gitlab.com\" selected>")
                    .contains("<option value=\"\" selected disabled>Choose an agent</option>")
                    .doesNotContain("value=\"sam@acme.example\" selected").doesNotContain("supportbot@");
            assertThat(page).containsPattern("status new");

            HttpResponse<String> asTheBot = console.post(path + "/macros", form("agent", "supportbot@gitlab.com",
                    "macro", "ownership-verification-start"));
            HttpResponse<String> nobody = console.post(path + "/macros", form("agent", "", "macro", "ownership-verification-start"));
            assertThat(asTheBot.statusCode()).isEqualTo(400);
            assertThat(asTheBot.body()).contains("supportbot is the bot's own account").contains("choose an agent");
            assertThat(nobody.statusCode()).isEqualTo(400);
            assertThat(nobody.body()).contains("agent is required");
            assertThat(console.get(path).body()).contains("Tags: none").contains("status new");

            assertThat(console.post(path + "/comments", form("author", "priya.shah@gitlab.com", "visibility", "private",
                    "body", "Looking into it")).statusCode()).isEqualTo(303);
            assertThat(console.get(path).body()).contains("status open");
            assertThat(console.post(path + "/comments", form("author", "priya.shah@gitlab.com", "visibility", "public",
                    "body", "Which address is the right one?")).statusCode()).isEqualTo(303);
            assertThat(console.get(path).body()).contains("status pending");
            assertThat(console.post(path + "/comments", form("author", "avery.manager@gitlab.com", "visibility", "public",
                    "body", "alice@umbrella.example")).statusCode()).isEqualTo(303);
            assertThat(console.get(path).body()).contains("status open");
        }
    }
}
