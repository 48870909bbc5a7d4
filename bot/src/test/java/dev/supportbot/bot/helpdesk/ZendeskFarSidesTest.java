package dev.supportbot.bot.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.FakeTime;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.bot.zendesk.ApiBudget;
import dev.supportbot.bot.zendesk.NewTicket;
import dev.supportbot.bot.zendesk.Redaction;
import dev.supportbot.bot.zendesk.TicketStatus;
import dev.supportbot.bot.zendesk.TicketUpdate;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bot's Zendesk adapter against both far sides the tests use, the MockServer fake and the sandbox Zendesk, with
 * the same assertions: what one answers differently from the other fails here.
 */
class ZendeskFarSidesTest {
    private static final String CODE = "Ab3dE5gH7jK9mN1pQ3sT5vW7";
    private static final String LICENSE_1 = "eyJkYXRhIjoiUm9sbG91dEtleUFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFla";
    private static final String LICENSE_2 = "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoiLCJrZXkiOiJrIiwiaXYiOiJpIn0=";

    private final FakeTime time = new FakeTime();
    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private Database budgetDb;
    private ZendeskFarSide far;
    private Zendesk zendesk;

    static Stream<Arguments> farSides() {
        return Stream.of(
                Arguments.of("FakeZendesk", (Supplier<ZendeskFarSide>) ZendeskFarSide::fake),
                Arguments.of("sandbox", (Supplier<ZendeskFarSide>) ZendeskFarSide::sandbox));
    }

    private Zendesk open(Supplier<ZendeskFarSide> side) {
        far = side.get();
        budgetDb = TestDatabases.open();
        ApiBudget budget = ApiBudget.fromConfig(far.config(), budgetDb, time, time);
        zendesk = Zendesk.fromConfig(far.config(), budget, time, (kind, outcome) -> outcomes.add(kind + " " + outcome));
        return zendesk;
    }

    @AfterEach
    void close() {
        if (zendesk != null) zendesk.close();
        if (far != null) far.close();
        if (budgetDb != null) budgetDb.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farSides")
    void a_ticket_is_read_with_its_requester_and_new_comments_through_the_cursor(String name, Supplier<ZendeskFarSide> side) {
        open(side);
        long id = far.openTicket("Sam Rivera", "sam@acme.example", "Please add me", "vip");
        for (int i = 1; i <= 120; i++) {
            if (i % 3 == 0) far.reply(id, "Jordan Kim", "jordan.kim@gitlab.com", "agent " + i);
            else far.reply(id, "Sam Rivera", "sam@acme.example", "reply " + i);
        }

        ZendeskTicket ticket = zendesk.ticket(id);
        List<ZendeskComment> all = zendesk.commentsAfter(ticket, 0);
        List<ZendeskComment> lastTen = zendesk.commentsAfter(ticket, all.get(110).id());
        outcomes.clear();
        List<ZendeskComment> none = zendesk.commentsAfter(ticket, all.get(120).id());

        assertThat(ticket.requester().email()).isEqualTo("sam@acme.example");
        assertThat(ticket.requester().name()).isEqualTo("Sam Rivera");
        assertThat(ticket.tags()).containsExactly("vip");
        assertThat(all).hasSize(121);
        assertThat(all).extracting(ZendeskComment::body).startsWith("Please add me", "reply 1", "reply 2", "agent 3").endsWith("agent 120");
        assertThat(all.get(1).byRequester()).isTrue();
        assertThat(all.get(3).byRequester()).isFalse();
        assertThat(all.get(3).author().email()).isEqualTo("jordan.kim@gitlab.com");
        assertThat(lastTen).extracting(ZendeskComment::body).hasSize(10).startsWith("agent 111").endsWith("agent 120");
        assertThat(none).isEmpty();
        assertThat(outcomes).as("nothing new costs one request").containsExactly("READ ok");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farSides")
    void a_folded_update_changes_comment_tags_and_status_in_one_write(String name, Supplier<ZendeskFarSide> side) {
        open(side);
        long id = far.openTicket("Rita Ortega", "rita@globex.example", "Hello", "old_tag", "keep");
        outcomes.clear();

        zendesk.update(id, TicketUpdate.publicComment("We need one proof").adding(List.of("supportbot_ov_awaiting_proof"))
                .removing(List.of("old_tag")).withStatus(TicketStatus.PENDING));

        assertThat(outcomes).containsExactly("WRITE ok");
        assertThat(far.tags(id)).containsExactlyInAnyOrder("keep", "supportbot_ov_awaiting_proof");
        assertThat(far.status(id)).isEqualTo("pending");
        assertThat(far.commentBodies(id)).containsExactly("Hello", "We need one proof");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farSides")
    void a_ticket_created_twice_under_one_key_is_one_ticket(String name, Supplier<ZendeskFarSide> side) {
        open(side);
        NewTicket toSoldTo = new NewTicket("Pat Lee", "pat@acme.example", "Approval", "Do you approve?", List.of("supportbot_ov_approval"));

        long first = zendesk.createTicket(toSoldTo, "ov-17-approval");
        long again = zendesk.createTicket(toSoldTo, "ov-17-approval");

        assertThat(again).isEqualTo(first);
        assertThat(far.ticketsWithExternalId("ov-17-approval")).isEqualTo(1);
        assertThat(zendesk.ticket(first).requester().email()).isEqualTo("pat@acme.example");
        assertThat(far.tags(first)).containsExactly("supportbot_ov_approval");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farSides")
    void secrets_are_redacted_once_including_a_license_over_two_lines(String name, Supplier<ZendeskFarSide> side) {
        open(side);
        long id = far.openTicket("Gavin Belson", "gavin@hooli.example", "Code " + CODE + " and license:\n" + LICENSE_1 + "\n" + LICENSE_2);
        long commentId = zendesk.commentsAfter(zendesk.ticket(id), 0).get(0).id();

        Redaction first = zendesk.redact(id, commentId, List.of(CODE, LICENSE_1 + "\n" + LICENSE_2));
        Redaction second = zendesk.redact(id, commentId, List.of(CODE, LICENSE_1 + "\n" + LICENSE_2));

        assertThat(first.secrets()).isEqualTo(2);
        assertThat(second).isEqualTo(Redaction.nothing());
        assertThat(far.commentBodies(id).get(0)).doesNotContain(CODE, LICENSE_1, LICENSE_2).startsWith("Code ▇");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farSides")
    void a_429_is_waited_out_for_its_retry_after_and_the_read_repeated(String name, Supplier<ZendeskFarSide> side) {
        open(side);
        long id = far.openTicket("Milton Waddams", "milton@initech.example", "Stapler");
        outcomes.clear();
        far.rateLimitNext(Duration.ofSeconds(7));

        ZendeskTicket ticket = zendesk.ticket(id);

        assertThat(ticket.requester().email()).isEqualTo("milton@initech.example");
        assertThat(outcomes).containsExactly("READ rate_limited", "READ ok");
        assertThat(time.sleeps()).contains(Duration.ofSeconds(7));
    }
}
