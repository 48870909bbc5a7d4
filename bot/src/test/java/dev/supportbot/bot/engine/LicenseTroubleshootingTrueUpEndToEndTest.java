package dev.supportbot.bot.engine;

import static dev.supportbot.bot.testing.EndToEnd.AGENT_EMAIL;
import static dev.supportbot.bot.testing.EndToEnd.AGENT_SLACK;
import static dev.supportbot.bot.testing.EndToEnd.APPROVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.LicenseSearch;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.EndToEnd;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.SignedRequests;
import dev.supportbot.bot.testing.SlackStandIn;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.troubleshooting.LicenseTroubleshooting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The true-up fix end to end: a signed webhook for a ticket whose requester quotes the true-up error -> the private
 * note -> the approval request in Slack (MockServer) -> signed approve clicks (the agent who applied the macro is
 * refused, an approver is not) -> the sandbox portal over HTTP holds the duplicate of Vandelay's license 1605 with
 * true-up 3 -> the done note. The real engine, database and sandbox portal; Zendesk and Slack are replaced at the far
 * side of the wire.
 */
class LicenseTroubleshootingTrueUpEndToEndTest {
    private static final String ART = "art@vandelay.example";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final EndToEnd e2e = new EndToEnd();
    private final FakeZendesk zendesk = e2e.zendesk();
    private final SlackStandIn slack = e2e.slack();
    private HttpPortalClient portal;
    private SignedRequests send;

    @AfterEach
    void stop() {
        e2e.close();
    }

    private void start() {
        slack.postsMessages().updatesMessages().findsByEmail(AGENT_SLACK).takesResponses();
        // The agent is an approver too: only being the initiator keeps them from approving their own fix.
        e2e.start(Map.of("BOT_APPROVERS", APPROVER + "," + AGENT_SLACK, "BOT_SLACK_AGENTS", AGENT_SLACK));
        portal = e2e.portal();
        send = e2e.send();
    }

    private void click(String user, String actionId, String value, String respondPath) throws Exception {
        assertThat(send.click(user, actionId, value, respondPath)).isEqualTo(200);
    }

    private void lnr(String user, String text, String respondPath) throws Exception {
        assertThat(send.lnr(user, text, respondPath)).isEqualTo(200);
    }

    private List<License> trueUpCopiesOf1605() {
        License original = portal.license(1605);
        return portal.searchLicenses(LicenseSearch.byEmail(ART)).stream()
                .filter(l -> l.id() != 1605 && l.trueUpCount() == 3 && l.plan().equals(original.plan())
                        && l.usersCount() == original.usersCount())
                .toList();
    }

    @Test
    void an_approved_true_up_fix_duplicates_vandelays_license_with_true_up_3_and_the_initiator_cannot_approve_it()
            throws Exception {
        start();
        License original = portal.license(1605);
        assertThat(original.trueUpCount()).isEqualTo(2);
        int licensesBefore = portal.searchLicenses(LicenseSearch.byEmail(ART)).size();
        FakeZendesk.User art = zendesk.user("Art Vandelay", ART);
        FakeZendesk.Ticket ticket = zendesk.ticket(801, "New license does not register", """
                Hi, uploading our renewal license fails with:

                > You have applied a True-up for 2 users but you
                > need one for 3 users.

                Thanks, Art""", art, LicenseTroubleshooting.START_TAG);

        send.webhook(801, AGENT_EMAIL);

        String approval = e2e.approvalPosted();
        assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                .anySatisfy(n -> assertThat(n).contains("True-up in the license: 2; true-up needed: 3")
                        .contains("The customer's last license: #1605"))
                .anySatisfy(n -> assertThat(n).contains("duplicate license #1605 with a true-up count of 3"));
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).isEmpty();

        // The agent sees the fix waiting on an approver.
        String status = SlackStandIn.responsePath(AGENT_SLACK);
        lnr(AGENT_SLACK, "status 801", status);
        assertThat(slack.answerAt(status)).contains("• license troubleshooting (running): true-up fix awaiting approval; waits on an approver since ")
                .contains("pending approval " + approval + " (").contains("0 of 1 approvals");
        String pending = SlackStandIn.responsePath(AGENT_SLACK);
        lnr(AGENT_SLACK, "pending", pending);
        assertThat(slack.answerAt(pending)).contains("• #801 approval " + approval + " (");

        // The agent who applied the macro is an approver, but started this fix: refused, nothing changes.
        String refused = SlackStandIn.responsePath(AGENT_SLACK);
        click(AGENT_SLACK, "approve", approval, refused);
        assertThat(slack.answerAt(refused)).contains("You started this plan, so someone else must decide on it.");
        e2e.settled();
        assertThat(trueUpCopiesOf1605()).isEmpty();
        assertThat(portal.searchLicenses(LicenseSearch.byEmail(ART))).hasSize(licensesBefore);
        assertThat(e2e.planSteps(801)).isZero();

        String approved = SlackStandIn.responsePath(APPROVER);
        click(APPROVER, "approve", approval, approved);
        Await.until("the done note", WAIT, () -> ticket.privateNotes().stream().anyMatch(n -> n.body().startsWith("Done: license #1605")));
        e2e.settled();

        assertThat(trueUpCopiesOf1605()).singleElement().satisfies(copy -> {
            assertThat(copy.licenseeEmail()).isEqualTo(ART);
            assertThat(copy.subscriptionName()).isEqualTo(original.subscriptionName());
        });
        assertThat(portal.searchLicenses(LicenseSearch.byEmail(ART))).hasSize(licensesBefore + 1);
        assertThat(portal.license(1605).trueUpCount()).isEqualTo(2);
        assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                .anySatisfy(n -> assertThat(n).startsWith("Done: license #1605 was duplicated with a true-up count of 3"));
        assertThat(e2e.planSteps(801)).isOne();
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).isEmpty();

        // A second approval of the plan carried out changes nothing.
        String late = SlackStandIn.responsePath("UAPPROVER2");
        click(APPROVER, "approve", approval, late);
        slack.answerAt(late);
        e2e.settled();
        assertThat(trueUpCopiesOf1605()).hasSize(1);
        assertThat(e2e.planSteps(801)).isOne();
    }
}
