package dev.supportbot.bot.console;

import static dev.supportbot.bot.console.ConsoleBot.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Who may use the console: nobody outside sandbox mode without BOT_CONSOLE_TOKEN (404, as if it did not exist); with
 * it, only requests carrying it (bearer header, or the HttpOnly cookie of the login form); everyone in sandbox mode.
 */
class ConsoleAccessTest {
    private static final String TOKEN = "console-token-0123456789abcdef";
    private static final String[] PAGES = {"/", "/tickets/1", "/tickets?ticket=1"};

    @Test
    void without_a_token_outside_sandbox_mode_the_console_does_not_exist() {
        try (ConsoleBot console = ConsoleBot.production(null)) {
            for (String page : PAGES) assertJsonError(console.get(page, "Authorization", "Bearer anything"), 404);
            assertJsonError(console.get("/login"), 404);
            assertJsonError(console.post("/login", form("token", "anything")), 404);
            assertJsonError(console.get("/helpdesk"), 404);
        }
    }

    @Test
    void with_a_token_only_requests_carrying_it_get_in_and_a_retry_without_it_changes_nothing() {
        try (ConsoleBot console = ConsoleBot.production(TOKEN)) {
            long dead = plantDeadLetter(console);
            for (String page : PAGES) {
                assertJsonError(console.get(page), 401);
                assertJsonError(console.get(page, "Authorization", "Bearer " + TOKEN + "x"), 401);
                assertJsonError(console.get(page, "Authorization", TOKEN), 401);
                assertJsonError(console.get(page, "Cookie", ConsoleAccess.COOKIE + "=" + TOKEN), 401);
            }
            HttpResponse<String> browser = console.get("/", "Accept", "text/html");
            assertThat(browser.statusCode()).isEqualTo(303);
            assertThat(browser.headers().firstValue("Location")).hasValue("/login");

            assertJsonError(console.post("/dead-letters/" + dead + "/retry", form(), "Authorization", "Bearer wrong"), 401);
            assertThat(console.count("SELECT COUNT(*) FROM inbox WHERE id = ? AND status = 'dead'", dead)).isEqualTo(1);

            HttpResponse<String> page = console.get("/", "Authorization", "Bearer " + TOKEN);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("Running workflows by state").contains("Dead letters").contains("dead-test-event");
            // Outside sandbox mode there is no helpdesk, whatever the token.
            assertJsonError(console.get("/helpdesk", "Authorization", "Bearer " + TOKEN), 404);

            HttpResponse<String> retried = console.post("/dead-letters/" + dead + "/retry", form(), "Authorization", "Bearer " + TOKEN);
            assertThat(retried.statusCode()).isEqualTo(303);
            assertThat(console.count("SELECT COUNT(*) FROM inbox WHERE id = ? AND status = 'dead'", dead)).isZero();
            assertJsonError(console.post("/dead-letters/" + dead + "/retry", form(), "Authorization", "Bearer " + TOKEN), 404);
            assertJsonError(console.post("/dead-letters/x1/retry", form(), "Authorization", "Bearer " + TOKEN), 404);
        }
    }

    @Test
    void the_login_form_sets_an_http_only_cookie_that_is_not_the_token() {
        try (ConsoleBot console = ConsoleBot.production(TOKEN)) {
            assertThat(console.get("/login").statusCode()).isEqualTo(200);
            HttpResponse<String> wrong = console.post("/login", form("token", "not-it"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(wrong.body()).contains("That is not the console token");

            HttpResponse<String> right = console.post("/login", form("token", TOKEN));
            assertThat(right.statusCode()).isEqualTo(303);
            String setCookie = right.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith(ConsoleAccess.COOKIE + "=").containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict").doesNotContain(TOKEN);
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            assertThat(console.get("/", "Cookie", cookie).statusCode()).isEqualTo(200);
            assertThat(console.get("/tickets/1", "Cookie", cookie).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void in_sandbox_mode_the_console_is_open() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            HttpResponse<String> page = console.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("sandbox mode").contains("href=\"/helpdesk\"");
            assertThat(console.get("/helpdesk").statusCode()).isEqualTo(200);
            assertThat(console.get("/helpdesk/slack").statusCode()).isEqualTo(200);
            assertThat(console.get("/login").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void bad_input_gets_a_json_4xx_and_changes_nothing() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            long tickets = console.count("SELECT COUNT(*) FROM sandbox_zd_ticket");
            assertJsonError(console.post("/helpdesk/tickets", form("requester", "nobody@example.com", "subject", "s", "body", "b")), 400);
            assertJsonError(console.post("/helpdesk/tickets", form("requester", "sam@acme.example", "subject", "", "body", "b")), 400);
            assertJsonError(console.post("/helpdesk/tickets", form("requester", "sam@acme.example", "subject", "s",
                    "body", "b".repeat(20_001))), 400);
            assertThat(console.count("SELECT COUNT(*) FROM sandbox_zd_ticket")).isEqualTo(tickets);
            assertJsonError(console.post("/helpdesk/tickets/99999999/comments", form("author", "sam@acme.example",
                    "visibility", "public", "body", "hi")), 404);
            assertJsonError(console.post("/helpdesk/tickets/99999999/macros", form("agent", "jordan.kim@gitlab.com",
                    "macro", "no-such-macro")), 400);
            assertJsonError(console.post("/helpdesk/slack/clicks", form("user", "U0NOBODY", "channel", "C", "ts", "1", "action_id", "a")), 400);
            assertJsonError(console.post("/helpdesk/slack/commands", form("user", "U0NOBODY", "text", "help")), 400);
            assertJsonError(console.post("/helpdesk/slack/commands", form("user", "U0SBAGENT1", "text", "x".repeat(4001))), 400);
            assertJsonError(console.post("/helpdesk/slack/modals/VNOSUCHVIEW", form("block", "b", "action", "a", "value", "v")), 404);
            assertJsonError(console.post("/helpdesk/slack/modals/VNOSUCHVIEW/close", form()), 404);
            assertThat(console.count("SELECT COUNT(*) FROM inbox WHERE source LIKE 'slack%'")).isZero();
            assertJsonError(console.get("/helpdesk/portal?subscription=../../etc"), 400);
            assertJsonError(console.get("/helpdesk/portal?subscription=A-S99999999"), 404);
            assertJsonError(console.get("/helpdesk/tickets/abc"), 404);
            assertJsonError(console.get("/tickets?ticket=1;drop"), 400);
        }
    }

    private static long plantDeadLetter(ConsoleBot console) {
        return console.jdbi().withHandle(h -> h.createUpdate("""
                        INSERT INTO inbox (source, dedup_key, event_type, ticket_id, payload, status, attempts, last_error, received_at)
                        VALUES ('zendesk', 'dead-test', 'dead-test-event', 7, '{}', 'dead', 8, 'bad response', :now)""")
                .bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static void assertJsonError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).contains("\"error\"").doesNotContain("Exception").doesNotContain("at dev.");
    }
}
