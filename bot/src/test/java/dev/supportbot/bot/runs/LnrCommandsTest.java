package dev.supportbot.bot.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.engine.Instance;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.EndToEnd;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.SignedRequests;
import dev.supportbot.bot.testing.SlackStandIn;
import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /lnr status}, {@code pending}, {@code cancel} and {@code escalate}, and agents by Slack user group: signed
 * {@code /lnr} requests to {@code /slack/events} of the production bot (every plug-in), a fake Zendesk, MockServer as
 * Slack's API and the commands' response URLs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LnrCommandsTest {
    private static final String AGENT = "UAGENT1";
    private static final String GROUP = "SAGENTS";
    private static final String GROUP_MEMBER = "UGROUPIE";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger REPLY = new AtomicInteger();

    private final EndToEnd e2e = new EndToEnd();
    private final FakeZendesk zendesk = e2e.zendesk();
    private final SlackStandIn slack = e2e.slack();
    private SupportBot bot;
    private SignedRequests send;
    private InstanceStore instances;

    @BeforeAll
    void start() {
        slack.listsGroupMembers(GROUP_MEMBER, "UOTHERMEMBER").postsMessages().takesResponses();
        bot = e2e.start(Map.of("BOT_SLACK_AGENTS", AGENT, "BOT_SLACK_AGENT_GROUP", GROUP));
        send = e2e.send();
        instances = new InstanceStore(bot.database(), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        e2e.close();
    }

    /** {@code /lnr text} from {@code user}, signed; the text of its one answer through the response URL. */
    private String lnr(String user, String text) throws Exception {
        String path = "/respond/" + user + "-" + REPLY.incrementAndGet();
        assertThat(send.lnr(user, text, path)).isEqualTo(200);
        return slack.answerAt(path);
    }

    /** A ticket whose ownership verification asked the requester for the subscription name. */
    private long verificationAwaitingSubscription(long ticket) throws Exception {
        FakeZendesk.Ticket t = zendesk.ticket(ticket, "Ownership", "Please make me the owner of our subscription.",
                zendesk.user("Ada Lovelace", "ada" + ticket + "@customer.example"), "supportbot_start_ownership_verification");
        send.webhook(ticket, null);
        Await.until("the question to the requester", WAIT, () -> t.tags.contains("supportbot_ov_awaiting_subscription"));
        e2e.settled();
        return ticket;
    }

    private Instance verification(long ticket) {
        return instances.find(ticket, OwnershipVerification.KIND).orElseThrow();
    }

    /** The next reminder as Quartz holds it, read from its table rather than through the bot. */
    private Instant nextTriggerInQuartz(long instanceId) {
        long millis = bot.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT MIN(NEXT_FIRE_TIME) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = :g")
                .bind("g", "instance-" + instanceId).mapTo(Long.class).one());
        return Instant.ofEpochMilli(millis);
    }

    private Instant stateSince(long instanceId) {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT state_since FROM workflow_instance WHERE id = :id")
                .bind("id", instanceId).mapTo(java.time.OffsetDateTime.class).one()).toInstant();
    }

    /** The list of commands, a refusal, and the answers to unknown, incomplete or pointless commands, in words. */
    @Test
    void every_answer_to_help_and_to_a_command_that_cannot_run_is_written_for_people() throws Exception {
        List<String> answers = new ArrayList<>();
        for (String command : List.of("help", "frobnicate 12", "verify", "verify twelve", "status", "status 424242", "pending",
                "cancel", "cancel 424242", "cancel 424242 nonsense", "ov escalate 424242", "cc assist 424242",
                "typo-fix 424242", "licenses", "license 16o5", "hosts", "licence acme")) {
            answers.add(lnr(AGENT, command));
        }
        answers.add(lnr("USTRANGER", "help"));

        assertThat(answers.get(0)).contains("`/lnr verify TICKET`").contains("`/lnr licenses NAME|EMAIL|COMPANY [--page N]`");
        ReadableTexts.assertWrittenForPeople(answers.stream().map(ReadableTexts::withoutUsageLines).toList());
    }

    @Test
    void license_lookups_answer_ephemerally_in_block_kit_through_the_response_url() throws Exception {
        String summary = lnr(AGENT, "licenses Vandelay");
        assertThat(summary).contains("licenses").contains("active: #1605");
        JsonNode answer = Json.MAPPER.readTree(slack.responsesTo(AGENT).stream().filter(b -> b.contains("#1605")).reduce((a, b) -> b).orElseThrow());
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.path("blocks").toString()).contains("*active*").contains("#1601").contains("#1605");
        assertThat(lnr(AGENT, "hosts 1605")).isNotBlank();
        assertThat(lnr(AGENT, "licenses")).contains("Usage: /lnr licenses");
        assertThat(lnr("USTRANGER", "licenses Vandelay")).doesNotContain("1605").doesNotContain("BOT_");
    }

    @Test
    void status_shows_each_run_its_state_who_it_waits_on_since_when_and_its_next_reminder_in_utc() throws Exception {
        long ticket = verificationAwaitingSubscription(901);
        Instance run = verification(ticket);
        Instant since = stateSince(run.id());
        assertThat(since).isBetween(Instant.now().minus(Duration.ofMinutes(2)), Instant.now());

        String status = lnr(AGENT, "status " + ticket);

        assertThat(status).isEqualTo("*Ticket 901* (times in UTC)\n• ownership verification (running): awaiting the subscription name; "
                + "waits on the requester since " + RunText.utc(since) + "; next reminder " + RunText.utc(nextTriggerInQuartz(run.id())));
        ReadableTexts.assertWrittenForPeople(List.of(status));
        assertThat(nextTriggerInQuartz(run.id())).isBetween(since.plus(Duration.ofDays(2)).minusSeconds(60), since.plus(Duration.ofDays(2)).plusSeconds(60));

        assertThat(lnr(AGENT, "status 999999")).isEqualTo("Ticket 999999 has no workflow runs.");
        assertThat(lnr(AGENT, "status not-a-ticket")).isEqualTo("Usage: `/lnr status TICKET`");
    }

    @Test
    void pending_lists_what_waits_on_people_oldest_first_across_tickets() throws Exception {
        long older = verificationAwaitingSubscription(911);
        long newer = verificationAwaitingSubscription(912);

        String pending = lnr(AGENT, "pending");

        assertThat(pending).startsWith("*Waiting on people*, oldest first (times in UTC)\n")
                .contains("• #911 ownership verification: awaiting the subscription name; waits on the requester since "
                        + RunText.utc(stateSince(verification(older).id())))
                .contains("• #912 ownership verification: awaiting the subscription name; waits on the requester since ");
        assertThat(pending.indexOf("#911 ")).isLessThan(pending.indexOf("#912 "));
        ReadableTexts.assertWrittenForPeople(List.of(pending));
        assertThat(lnr(AGENT, "pending xyzzy")).isEqualTo("Usage: `/lnr pending`");

        lnr(AGENT, "cancel " + newer);
        e2e.settled();
        assertThat(lnr(AGENT, "pending")).contains("#911 ").doesNotContain("#912 ");
    }

    @Test
    void escalate_is_ownerships_escalate_for_a_member_of_the_agent_group_and_others_are_refused() throws Exception {
        long ticket = verificationAwaitingSubscription(921);
        Instance before = verification(ticket);

        assertThat(lnr("USTRANGER", "escalate " + ticket)).isEqualTo("Sorry, you are not allowed to run supportbot commands.");
        e2e.settled();
        assertThat(verification(ticket)).isEqualTo(before);
        assertThat(slack.recorded("/api/usergroups.users.list"))
                .anySatisfy(r -> assertThat(r.getBodyAsString()).contains(GROUP));

        assertThat(lnr(GROUP_MEMBER, "escalate " + ticket)).isEqualTo("Ticket 921: escalate recorded.");
        e2e.settled();
        assertThat(zendesk.ticket(ticket).tags).contains("supportbot_ov_escalated");
        assertThat(lnr(AGENT, "status " + ticket)).contains("ownership verification (running): escalated; waits on an agent since ");
        assertThat(lnr(AGENT, "escalate " + ticket + " extra")).isEqualTo("Usage: `/lnr escalate TICKET`");
        assertThat(lnr(AGENT, "help")).contains("`/lnr escalate TICKET`", "`/lnr status TICKET`", "`/lnr pending`",
                "`/lnr cancel TICKET [KIND]`");
    }

    @Test
    void cancel_stops_every_running_run_or_the_one_kind_and_an_unknown_kind_gets_the_usage_line() throws Exception {
        long ticket = verificationAwaitingSubscription(931);
        Instance before = verification(ticket);

        assertThat(lnr(AGENT, "cancel " + ticket + " frobnicate")).isEqualTo("Usage: `/lnr cancel TICKET [KIND]`");
        assertThat(lnr(AGENT, "cancel " + ticket + " add-contact")).isEqualTo("Ticket 931 has no add contact in progress.");
        e2e.settled();
        assertThat(verification(ticket)).isEqualTo(before);

        assertThat(lnr(AGENT, "cancel " + ticket)).isEqualTo("Ticket 931, ownership verification: cancel recorded.");
        e2e.settled();
        assertThat(verification(ticket).finished()).isTrue();
        assertThat(zendesk.ticket(ticket).tags).contains("supportbot_ov_cancelled");
        assertThat(lnr(AGENT, "status " + ticket)).contains("• ownership verification (finished): cancelled on ");
        assertThat(lnr(AGENT, "cancel " + ticket)).isEqualTo("Ticket 931 has no workflow in progress.");

        long other = verificationAwaitingSubscription(932);
        assertThat(lnr(AGENT, "cancel " + other + " OWNERSHIP_VERIFICATION")).isEqualTo("Ticket 932: cancel recorded.");
        e2e.settled();
        assertThat(verification(other).finished()).isTrue();
    }
}
