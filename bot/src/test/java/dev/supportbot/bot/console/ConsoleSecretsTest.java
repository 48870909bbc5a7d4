package dev.supportbot.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.testing.PlantedSecrets;
import dev.supportbot.workflows.redaction.SecretKind;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Outside sandbox mode no page shows a secret, wherever one got into the tables the console reads (audit details and
 * snapshots, inbox outcomes and errors): every page is fetched and searched for each planted code and license. In
 * sandbox mode the portal page shows a customer's license text, as the customer has it, so a person can paste it.
 */
class ConsoleSecretsTest {
    private static final String TOKEN = "console-token-0123456789abcdef";
    private static final long TICKET = 4242;

    @Test
    void no_page_shows_a_planted_secret_outside_sandbox_mode() {
        try (ConsoleBot console = ConsoleBot.production(TOKEN)) {
            PlantedSecrets secrets = new PlantedSecrets();
            String inDetail = secrets.code("audit detail");
            String inSnapshot = secrets.code("audit snapshot");
            String license = secrets.license("audit detail license", "\n");
            String inError = secrets.code("dead letter error");
            String inOutcome = secrets.code("inbox outcome");
            console.jdbi().useHandle(h -> {
                audit(h, "note about " + inDetail + " and a license:\n" + license + "\nend", "{\"code\":\"" + inSnapshot + "\"}");
                inbox(h, "dead", "portal said: code " + inError + " refused", null);
                inbox(h, "done", null, "answered with " + inOutcome);
            });

            List<String> pages = List.of("/", "/tickets/" + TICKET, "/tickets/" + (TICKET + 1), "/login", "/console.css");
            for (String page : pages) {
                HttpResponse<String> response = console.get(page, "Authorization", "Bearer " + TOKEN);
                assertThat(response.statusCode()).as(page).isEqualTo(200);
                assertThat(secrets.foundIn(response.body())).as(page).isEmpty();
            }
            String timeline = console.get("/tickets/" + TICKET, "Authorization", "Bearer " + TOKEN).body();
            // The rows are there, their secrets masked.
            assertThat(timeline).contains("note about " + SecretKind.ACTIVATION_CODE.mask())
                    .contains(SecretKind.LICENSE_KEY.mask()).contains("answered with " + SecretKind.ACTIVATION_CODE.mask());
            String overview = console.get("/", "Authorization", "Bearer " + TOKEN).body();
            assertThat(overview).contains("portal said: code " + SecretKind.ACTIVATION_CODE.mask() + " refused");
        }
    }

    @Test
    void the_sandbox_portal_page_shows_the_license_text_a_customer_holds() {
        try (ConsoleBot console = ConsoleBot.sandbox()) {
            String license = console.jdbi().withHandle(h -> h.createQuery(
                    "SELECT license_text FROM sandbox_license WHERE subscription_name = 'A-S00001001' AND license_text IS NOT NULL")
                    .mapTo(String.class).first());
            String page = unescape(console.get("/helpdesk/portal?subscription=A-S00001001").body());
            assertThat(page).contains(license).contains("Pat Lee &lt;pat@acme.example&gt;".replace("&lt;", "<").replace("&gt;", ">"));
        }
    }

    private static void audit(Handle h, String detail, String snapshot) {
        h.createUpdate("""
                        INSERT INTO audit_log (at, actor, action, ticket_id, detail, before_json, after_json)
                        VALUES (:now, 'supportbot', 'plan step', :t, :detail, :snap, :snap)""")
                .bind("now", OffsetDateTime.now(ZoneOffset.UTC)).bind("t", TICKET).bind("detail", detail).bind("snap", snapshot)
                .execute();
    }

    private static void inbox(Handle h, String status, String error, String outcome) {
        h.createUpdate("""
                        INSERT INTO inbox (source, dedup_key, event_type, ticket_id, payload, status, attempts, last_error, outcome,
                                           received_at)
                        VALUES ('effect', :key, 'PrivateNote', :t, '{}', :status, 8, :error, :outcome, :now)""")
                .bind("key", "planted-" + status).bind("t", TICKET).bind("status", status).bind("error", error)
                .bind("outcome", outcome).bind("now", OffsetDateTime.now(ZoneOffset.UTC)).execute();
    }

    private static String unescape(String html) {
        return html.replace("&#61;", "=").replace("&#43;", "+").replace("&#47;", "/").replace("&#10;", "\n")
                .replace("&#13;", "\r").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
