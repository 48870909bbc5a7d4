package dev.supportbot.bot.plans;

import static org.assertj.core.api.Assertions.assertThat;
import dev.supportbot.bot.testing.VendorContracts;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.bot.engine.AuditLog;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.ServiceProcess;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Membership;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.ClearType;

/**
 * A crash in the middle of an approved plan: the real service (the shaded jar, a child process, sandbox portal) runs
 * Globex's Rita Ortega's request to manage Acme's subscription A-S00001001 up to a two-step plan (delete her Globex
 * membership, then create the Acme one), an approver clicks Approve, and the process is killed with SIGKILL right
 * after the click is acknowledged, as soon as the portal shows step 1's change, or as soon as step 1's completion is
 * durable. Restarted on the same data directory (the embedded default: the new process stops the PostgreSQL server the
 * killed one left behind), the service finishes the plan: Rita is a member of Acme only, Pat Lee is still Acme's Sold
 * To, no customer was created, no step ran twice, and the ticket says it is done. Zendesk and Slack are replaced at the
 * far side of the wire (FakeZendesk, MockServer).
 */
class PlanCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIPTION = "A-S00001001";
    private static final long ACME = 1001;
    private static final long GLOBEX = 1002;
    private static final long RITA = 1201;
    private static final String AGENT_EMAIL = "agent@vendor.example";
    private static final String AGENT_SLACK = "UAGENT1";
    private static final String APPROVER = "UAPPROVER1";
    private static final String CHANNEL = "C123";
    private static final Duration WAIT = Duration.ofSeconds(120);
    /**
     * Until the kill, every chat.update is answered this late. A step's completion is followed by the message update
     * (the progress line) and only then by the next step, so this holds the chain after step 1: the kill that follows
     * step 1's durable completion lands before step 2 starts, however fast the portal answers. The restarted service
     * is answered at once.
     */
    private static final int SLACK_UPDATE_DELAY_MS = 5000;
    private static final Pattern STEP = Pattern.compile("^approval (\\d+), step (\\d+)");

    enum KillPoint {
        /** As soon as the approve click is acknowledged (the click is on disk, nothing of the plan may have run yet). */
        AFTER_CLICK,
        /**
         * As soon as the portal shows step 1's change (the sandbox portal's own commit): when the kill is quicker than
         * the bot's re-read of the back end after the call, step 1's completion never commits and the restarted service
         * finds the step already done. Not deterministic: either way the outcome must be the same.
         */
        AFTER_PORTAL_CALL,
        /**
         * As soon as step 1's completion is durable: its audit row (committed with the completion) is readable. Step 2
         * has not started (see the Slack delay).
         */
        BETWEEN_STEPS
    }

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int deliveries;

    @ParameterizedTest(name = "SIGKILL {0}")
    @EnumSource(KillPoint.class)
    void a_plan_killed_between_its_steps_resumes_without_repeating_one(KillPoint killPoint) throws Exception {
        Path data = dir.resolve("data");
        Path logs = Files.createDirectories(Path.of("target", "plan-crash").toAbsolutePath());
        String name = killPoint.name().toLowerCase().replace('_', '-');
        long ticketId = 800 + killPoint.ordinal();
        try (FakeZendesk zendesk = new FakeZendesk(); Slack slack = new Slack()) {
            Map<String, String> env = childEnv(data, zendesk, slack);
            ServiceProcess first = ServiceProcess.start(env, logs.resolve(name + "-first.log"));
            ServiceProcess second = null;
            try {
                HttpPortalClient portal = portalOf(first);
                BillingAccount acmeBefore = portal.billingAccount(ACME);
                List<Long> acmeMembersBefore = membersOf(portal, ACME);
                assertThat(memberships(portal)).as("Rita's memberships in the seed")
                        .extracting(Membership::billingAccountId).containsExactly(GLOBEX);
                long customersBefore = customers(data);

                FakeZendesk.User rita = zendesk.user("Rita Ortega", "rita@globex.example");
                FakeZendesk.Ticket ticket = askedToLeaveGlobex(zendesk, first, rita, ticketId);
                zendesk.reply(ticketId, rita, "Yes, please");
                webhook(first, ticketId, null);
                String approval = approvalPosted(slack, first);
                assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                        .as("the plan waiting for approval").anyMatch(n -> n.contains("a plan waits for approval"));

                try (Database db = Database.openExistingEmbedded(data)) {
                    assertThat(click(first, slack, APPROVER, approval)).as("the approve click's answer").isEqualTo(200);
                    switch (killPoint) {
                        case AFTER_CLICK -> { }
                        case AFTER_PORTAL_CALL -> Await.until("the portal to show step 1", WAIT, () -> ritaAtGlobex(db) == 0);
                        case BETWEEN_STEPS -> Await.until("the first plan step's audit row, durable", WAIT,
                                () -> planStepRows(db, ticketId) > 0);
                    }
                    first.sigkill();
                }
                slack.answerUpdatesAtOnce();
                List<String> membershipCallsBefore = membershipCalls(first.output());
                System.out.printf("PlanCrashIT %s: SIGKILL %s; portal membership calls before the kill: %s%n", name, killPoint,
                        membershipCallsBefore);

                second = ServiceProcess.start(env, logs.resolve(name + "-second.log"));
                ServiceProcess restarted = second;
                Await.until("the done note", WAIT, () -> ticket.privateNotes().stream()
                        .anyMatch(n -> n.body().startsWith("Add contact: done for " + SUBSCRIPTION)));
                Await.until("the restarted service to finish the inbox", WAIT, () -> restarted.inboxDepth() == 0);
                List<String> membershipCallsAfter = membershipCalls(second.output());
                System.out.printf("PlanCrashIT %s: portal membership calls after the restart: %s%n", name, membershipCallsAfter);

                HttpPortalClient after = portalOf(second);
                List<Membership> ritas = memberships(after);
                assertThat(ritas).as("Rita's memberships after the plan").extracting(Membership::billingAccountId).containsExactly(ACME);
                assertThat(membersOf(after, GLOBEX)).as("Globex's members").doesNotContain(RITA);
                List<Long> acmeMembers = new ArrayList<>(acmeMembersBefore);
                acmeMembers.add(RITA);
                assertThat(membersOf(after, ACME)).as("Acme's members").containsExactlyInAnyOrderElementsOf(acmeMembers);
                BillingAccount acme = after.billingAccount(ACME);
                assertThat(acme.soldTo()).as("Acme's Sold To").isEqualTo(acmeBefore.soldTo());
                assertThat(acme.soldTo().email()).isEqualTo("pat@acme.example");
                assertThat(acme.billTo()).as("Acme's Bill To").isEqualTo(acmeBefore.billTo());
                assertThat(customers(data)).as("customers in the sandbox portal").isEqualTo(customersBefore);

                List<AuditLog.Entry> steps;
                try (Database db = Database.openExistingEmbedded(data)) {
                    steps = new AuditLog(db).forTicket(ticketId).stream().filter(e -> e.action().equals("plan step")).toList();
                }
                steps.forEach(e -> System.out.printf("PlanCrashIT %s: audit: %s%n", name, e.detail()));
                assertThat(steps).as("plan step audit rows").allSatisfy(e -> assertThat(e.detail()).startsWith("approval " + approval + ","));
                assertThat(steps).extracting(e -> stepOf(e.detail())).as("the steps audited, in order").containsExactly(1, 2);
                assertThat(steps.get(1).detail()).as("step 2 runs only after the restart, and once").doesNotContain("already done");
                // Step 1 can be found already done only after a kill between its portal call and its completion's
                // commit: redelivered, its check finds the back end as the step left it and calls nothing.
                if (killPoint != KillPoint.AFTER_PORTAL_CALL) assertThat(steps.get(0).detail()).as("step 1").doesNotContain("already done");
                String ritaAtGlobex = "{\"customerEmail\":\"rita@globex.example\",\"billingAccountId\":" + GLOBEX + "}";
                String ritaAtAcme = "{\"customerEmail\":\"rita@globex.example\",\"billingAccountId\":" + ACME + "}";
                assertThat(steps.get(0).before()).as("the back end before step 1").contains(ritaAtGlobex).doesNotContain(ritaAtAcme);
                assertThat(steps.get(0).after()).as("the back end after step 1").doesNotContain(ritaAtGlobex).doesNotContain(ritaAtAcme);
                assertThat(steps.get(1).before()).as("the back end before step 2").isEqualTo(steps.get(0).after());
                assertThat(steps.get(1).after()).as("the back end after step 2").contains(ritaAtAcme).doesNotContain(ritaAtGlobex);

                // The portal saw each change once: one delete of the Globex membership and one new membership at Acme,
                // counted in the request lines of both processes (a repeated call would be a second line: 404 or 409).
                List<String> calls = new ArrayList<>(membershipCallsBefore);
                calls.addAll(membershipCallsAfter);
                assertThat(calls).as("portal membership calls (both processes)").containsExactlyInAnyOrder("DELETE 204", "POST 201");
                if (killPoint == KillPoint.BETWEEN_STEPS) {
                    assertThat(membershipCallsAfter).as("portal membership calls after the restart").containsExactly("POST 201");
                }
                assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                        .filteredOn(n -> n.startsWith("Add contact: done for " + SUBSCRIPTION)).as("the done note").singleElement()
                        .satisfies(n -> assertThat(n).contains("1. Remove the membership of Rita Ortega")
                                .contains("2. Add Rita Ortega <rita@globex.example> (customer 1201) as a member of billing account A00001001: done"));
                assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).extracting(FakeZendesk.Comment::body)
                        .filteredOn(b -> b.contains("can now manage subscription " + SUBSCRIPTION)).as("the done comment").hasSize(1);
                assertThat(slack.recorded("/api/chat.update")).as("the approval message updated to Done")
                        .anyMatch(b -> URLDecoder.decode(b, StandardCharsets.UTF_8).contains("Done"));
                System.out.printf("PlanCrashIT %s: restarted service finished the plan; step 1 %s%n", name,
                        steps.get(0).detail().contains("already done") ? "found already done" : "executed by a call");
                second.stopGracefully();
            } finally {
                first.close();
                if (second != null) second.close();
            }
        }
    }

    private Map<String, String> childEnv(Path data, FakeZendesk zendesk, Slack slack) {
        Map<String, String> env = new HashMap<>(ServiceProcess.embeddedEnv(data));
        // Longer than a delayed chat.update: a worker waiting for Slack keeps its event rather than losing it to another.
        env.put("BOT_INBOX_LEASE", "15s");
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        env.put("BOT_SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("BOT_SLACK_API_URL", slack.url() + "/api/");
        env.put("BOT_SLACK_CHANNEL", CHANNEL);
        env.put("BOT_APPROVERS", APPROVER);
        env.put("BOT_SLACK_AGENTS", AGENT_SLACK);
        return TestBots.mixOnPurpose(env);
    }

    /** From the agent's macro through ownership verification (Acme's invoice) to the bot's question about Globex. */
    private FakeZendesk.Ticket askedToLeaveGlobex(FakeZendesk zendesk, ServiceProcess bot, FakeZendesk.User rita, long id)
            throws Exception {
        FakeZendesk.Ticket ticket = zendesk.ticket(id, "Please add me as a contact of " + SUBSCRIPTION,
                "Hello, please add me as a contact of subscription " + SUBSCRIPTION + ".", rita, "supportbot_start_add_contact");
        webhook(bot, id, AGENT_EMAIL);
        Await.until("the ownership proof request", WAIT, () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        settled(bot);
        zendesk.reply(id, rita, "Our latest invoice is INV-1001-A.");
        webhook(bot, id, null);
        Await.until("the question whether Rita stops managing Globex", WAIT, () -> ticket.publicCommentsBy(FakeZendesk.BOT_USER)
                .stream().anyMatch(c -> c.body().contains("Would you like to stop managing your current subscriptions")));
        assertThat(ticket.tags).contains("supportbot_ov_verified");
        settled(bot);
        return ticket;
    }

    private static void settled(ServiceProcess bot) {
        Await.until("the bot to finish its work", WAIT, () -> bot.inboxDepth() == 0);
    }

    private String approvalPosted(Slack slack, ServiceProcess bot) {
        Await.until("the approval request in Slack", WAIT, () -> !approvalIds(slack).isEmpty());
        settled(bot);
        List<String> ids = approvalIds(slack);
        assertThat(ids).as("approval requests").hasSize(1);
        return ids.get(0);
    }

    private static List<String> approvalIds(Slack slack) {
        List<String> ids = new ArrayList<>();
        for (String body : slack.recorded("/api/chat.postMessage")) {
            JsonNode blocks = blocksOf(body);
            for (JsonNode block : blocks) {
                for (JsonNode element : block.path("elements")) {
                    if ("approve".equals(element.path("action_id").asText())) ids.add(element.path("value").asText());
                }
            }
        }
        return ids;
    }

    /** The Slack SDK sends form fields; blocks are a JSON string field (or JSON bodies with a blocks array). */
    private static JsonNode blocksOf(String body) {
        try {
            if (body.startsWith("{")) return JSON.readTree(body).path("blocks");
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("blocks") && kv.length > 1) return JSON.readTree(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            return JSON.createArrayNode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void webhook(ServiceProcess bot, long ticketId, String actorEmail) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"plan-crash-" + (++deliveries)
                + "\"" + (actorEmail == null ? "" : ",\"actor_email\":\"" + actorEmail + "\"") + "}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/webhooks/zendesk"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("webhook answer").isEqualTo(200);
    }

    /** A signed {@code block_actions} click of the approval message's button, as Slack sends it. */
    private int click(ServiceProcess bot, Slack slack, String user, String approval) throws Exception {
        String payload = "{\"type\":\"block_actions\",\"trigger_id\":\"tr-" + System.nanoTime() + "\",\"user\":{\"id\":\"" + user + "\"},"
                + "\"team\":{\"id\":\"T1\"},\"api_app_id\":\"A1\",\"channel\":{\"id\":\"" + CHANNEL + "\"},"
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\"},"
                + "\"response_url\":\"" + slack.url() + "/respond/" + user + "-" + System.nanoTime() + "\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"approve\",\"block_id\":\"b\",\"value\":\"" + approval
                + "\",\"action_ts\":\"1.1\"}]}";
        String form = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String ts = Long.toString(Instant.now().getEpochSecond());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", Signing.slack(TestBots.SLACK_SECRET, ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static HttpPortalClient portalOf(ServiceProcess bot) {
        return HttpPortalClient.builder(() -> bot.baseUrl() + PortalClients.SANDBOX_API_PATH).token(TestBots.PORTAL_TOKEN)
                .cacheTtl(Duration.ZERO).build();
    }

    private static List<Membership> memberships(HttpPortalClient portal) {
        return portal.membershipsOfCustomer(RITA);
    }

    private static List<Long> membersOf(HttpPortalClient portal, long account) {
        return portal.membershipsOfBillingAccount(account).stream().map(Membership::customerId).sorted().toList();
    }

    private static long planStepRows(Database db, long ticketId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'plan step' AND ticket_id = :t")
                .bind("t", ticketId).mapTo(Long.class).one());
    }

    /** Rita's Globex membership in the sandbox portal's table, committed by the portal call of step 1. */
    private static long ritaAtGlobex(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM sandbox_membership WHERE customer_id = :c AND billing_account_id = :a")
                .bind("c", RITA).bind("a", GLOBEX).mapTo(Long.class).one());
    }

    /** Customers in the sandbox portal, read from its table (the portal API finds customers by email only). */
    private static long customers(Path data) {
        try (Database db = Database.openExistingEmbedded(data)) {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sandbox_customer").mapTo(Long.class).one());
        }
    }

    private static int stepOf(String detail) {
        Matcher m = STEP.matcher(detail);
        assertThat(m.find()).as("a plan step's detail: %s", detail).isTrue();
        return Integer.parseInt(m.group(2));
    }

    private static final Pattern MEMBERSHIP_CALL = Pattern.compile("(?m)\\b(POST|DELETE) /sandbox/portal/api/v1/memberships\\S* (\\d{3})\\b");

    /** The service logs one line per request (method, route, status): its sandbox portal's membership changes. */
    private static List<String> membershipCalls(String output) {
        List<String> calls = new ArrayList<>();
        Matcher m = MEMBERSHIP_CALL.matcher(output);
        while (m.find()) calls.add(m.group(1) + " " + m.group(2));
        return calls;
    }

    /** Slack's Web API and response URLs, on MockServer. */
    private static final class Slack implements AutoCloseable {
        private final ClientAndServer server = ClientAndServer.startClientAndServer();

        Slack() {
            ok("/api/chat.postMessage", 0);
            ok("/api/chat.update", SLACK_UPDATE_DELAY_MS);
            server.when(request().withPath("/api/users.lookupByEmail"))
                    .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"ok\":true,\"user\":{\"id\":\"" + AGENT_SLACK + "\",\"name\":\"agent\"}}"));
            // The Slack SDK asks for the team id once before its first call.
            server.when(request().withPath("/api/auth.test")).respond(response().withStatusCode(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\"}"));
            server.when(request().withPath("/respond/.*")).respond(response().withStatusCode(200).withBody("ok"));
        }

        void answerUpdatesAtOnce() {
            server.clear(request().withPath("/api/chat.update"), ClearType.EXPECTATIONS);
            ok("/api/chat.update", 0);
        }

        private void ok(String path, int delayMillis) {
            server.when(request().withPath(path)).respond(response().withStatusCode(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1700000000.000100\"}")
                    .withDelay(TimeUnit.MILLISECONDS, delayMillis));
        }

        String url() {
            return "http://127.0.0.1:" + server.getPort();
        }

        List<String> recorded(String path) {
            List<String> bodies = new ArrayList<>();
            for (var r : server.retrieveRecordedRequests(request().withPath(path))) bodies.add(r.getBodyAsString());
            return bodies;
        }

        @Override
        public void close() {
            VendorContracts.assertKeptThenStop(VendorContracts.Api.SLACK, server);
        }
    }
}
