package dev.supportbot.workflows.typofix;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.typofix.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.TypoFixPlanner;
import dev.supportbot.workflows.typofix.TypoFixState.*;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of docs/handbook.md, "Fix an email typo", each with the handbook's own condition and its negatives: the
 * bounce must be of the license or activation-code mail and not made good by a later delivery of it (step 2); the
 * request is an account manager's (a staff member); a Sold To already corrected still gets the resend (step 6); and
 * step 7, the CRM, is said to the AM.
 */
class HandbookRulesTest {
    private static final Instant EARLIER = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-28T08:00:00Z");
    private static final String CODE_MAIL = "Your GitLab activation code: " + ACTIVATION_CODE;
    private static final String LICENSE_MAIL = "Your GitLab license file for " + UMBRELLA_SUBSCRIPTION;

    record MailRow(String name, List<MailDelivery> log, boolean counts, String noteSays) {
        @Override
        public String toString() {
            return name;
        }
    }

    static MailDelivery failed(String subject, Instant at) {
        return new MailDelivery(TYPO, MailDelivery.Status.FAILED, 550, "5.1.1 mailbox unavailable", subject, at);
    }

    static MailDelivery ok(String subject, Instant at) {
        return new MailDelivery(TYPO, MailDelivery.Status.DELIVERED, 250, "OK", subject, at);
    }

    static Stream<MailRow> mailLogs() {
        return Stream.of(
                new MailRow("the activation-code mail bounced", List.of(failed(CODE_MAIL, BOUNCED_AT)), true, null),
                new MailRow("the license file mail bounced", List.of(failed(LICENSE_MAIL, BOUNCED_AT)), true, null),
                new MailRow("the code mail bounced; an invoice was delivered later", List.of(
                        ok("Your GitLab invoice INV-00042", LATER), failed(CODE_MAIL, BOUNCED_AT)), true, null),
                new MailRow("the code mail was delivered once, then bounced (no later delivery)", List.of(
                        failed(CODE_MAIL, LATER), ok(CODE_MAIL, EARLIER)), true, null),
                new MailRow("the code mail bounced twice", List.of(failed(CODE_MAIL, LATER), failed(CODE_MAIL, BOUNCED_AT)), true, null),
                new MailRow("only an invoice mail bounced", List.of(failed("Your GitLab invoice INV-00042", BOUNCED_AT)), false,
                        "the mail that failed was not the license or activation-code mail"),
                new MailRow("only a payment receipt about the license bounced", List.of(
                        failed("Payment receipt for your license renewal", BOUNCED_AT)), false, "was not the license"),
                new MailRow("a newsletter bounced", List.of(failed("What's new in GitLab 19.6", BOUNCED_AT)), false,
                        "was not the license"),
                new MailRow("the code mail bounced, then was delivered", List.of(ok(CODE_MAIL, LATER), failed(CODE_MAIL, BOUNCED_AT)),
                        false, "failed at 26 November 2026, 09:12 UTC but was delivered to it later"),
                new MailRow("the license mail bounced, then was delivered", List.of(failed(LICENSE_MAIL, BOUNCED_AT),
                        ok(LICENSE_MAIL, LATER)), false, "delivered to it later"),
                new MailRow("only deliveries", List.of(ok(CODE_MAIL, BOUNCED_AT)), false, "delivered with SMTP 250"),
                new MailRow("nothing was mailed", List.of(), false, "nothing was sent to it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mailLogs")
    void step_2_counts_only_an_undelivered_license_or_code_mail(MailRow row) {
        Flow flow = new Flow();
        flow.mailLog.put(TYPO, row.log());
        flow.start();
        var d = flow.continued();
        if (row.counts()) {
            assertThat(d.state()).isInstanceOf(AwaitingConfirmation.class);
            assertThat(publicText(d)).contains("confirm in writing");
            return;
        }
        assertThat(d.state()).isInstanceOfSatisfying(Stopped.class, s -> assertThat(s.why()).isEqualTo(StopReason.NO_BOUNCE));
        assertThat(notes(d)).contains("stopped at step 2", row.noteSays(), "Nothing was changed").doesNotContain(ACTIVATION_CODE);
        assertThat(effects(d, Effect.PublicComment.class)).isEmpty();
    }

    record RequesterRow(String name, Person requester, boolean staff) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<RequesterRow> requesters() {
        return Stream.of(
                new RequesterRow("an account manager on the staff domain", AM, true),
                new RequesterRow("staff on a subdomain", new Person("Sam Sales", "sam@emea.vendor.example"), true),
                new RequesterRow("staff with capitals in the address", new Person("Sam Sales", "Sam@Vendor.Example"), true),
                new RequesterRow("the customer", new Person("Alice Abernathy", FIXED), false),
                new RequesterRow("a reseller", new Person("Rita Reseller", "rita@reseller.example"), false),
                new RequesterRow("a look-alike domain", new Person("Mallory", "mallory@vendor.example.evil.example"), false),
                new RequesterRow("a domain ending like the staff's", new Person("Mallory", "mallory@notvendor.example"), false),
                new RequesterRow("no requester", null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requesters")
    void the_request_must_come_from_a_staff_member(RequesterRow row) {
        Flow flow = new Flow();
        flow.ticket = new Ticket(TICKET, "Internal request: email typo", "Please fix the typo: " + TYPO + " should be "
                + FIXED, row.requester(), Set.of(TypoFix.START_TAG), "open");
        var d = flow.start();
        if (row.staff()) {
            assertThat(d.state()).isInstanceOf(Checking.class);
            return;
        }
        assertThat(d.state()).isInstanceOfSatisfying(Stopped.class, s -> assertThat(s.why()).isEqualTo(StopReason.NOT_FROM_STAFF));
        assertThat(flow.workflow.finished(d.state())).isTrue();
        assertThat(d.effects()).singleElement().isInstanceOfSatisfying(Effect.PrivateNote.class, n -> assertThat(n.body())
                .contains("is not a staff member", "account manager's internal request", "Nothing was changed"));
        if (row.requester() != null) assertThat(notes(d)).contains(row.requester().name());
    }

    record SoldToRow(String name, String soldToEmail, List<PortalChange> changes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<SoldToRow> soldTos() {
        return Stream.of(
                new SoldToRow("the Sold To has the typo: correct the customer, then resend", TYPO, List.of(
                        new PortalChange.UpdateCustomer(ALICE, null, null, FIXED, true),
                        new PortalChange.ResendActivationCode(UMBRELLA_SUBSCRIPTION, FIXED))),
                new SoldToRow("the Sold To already corrected: still resend", FIXED, List.of(
                        new PortalChange.ResendActivationCode(UMBRELLA_SUBSCRIPTION, FIXED))),
                new SoldToRow("the Sold To already corrected, in capitals: still resend", "Alice@Umbrella.example", List.of(
                        new PortalChange.ResendActivationCode(UMBRELLA_SUBSCRIPTION, FIXED))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("soldTos")
    void step_6_resends_whatever_the_sold_to_holds(SoldToRow row) {
        Flow flow = Flow.awaitingConfirmation();
        Contact soldTo = new Contact("Alice", "Abernathy", row.soldToEmail(), "545 S Birdneck Rd, Raccoon City, US");
        flow.accounts.set(0, new BillingAccount(1004, "A00004001", "Umbrella", soldTo, soldTo, null));
        if (!row.soldToEmail().equals(TYPO)) {
            flow.customers.set(0, new dev.supportbot.workflows.domain.Customer(ALICE, "Alice", "Abernathy", row.soldToEmail(),
                    "Umbrella", true, null));
        }
        flow.amReplies("Yes, that is right.");
        var d = flow.continued();
        assertThat(asking(d.state())).satisfies(
                a -> assertThat(a.plan().changes()).containsExactlyElementsOf(row.changes()));
        boolean already = !row.soldToEmail().equals(TYPO);
        assertThat(effects(d, Effect.RequestApproval.class)).singleElement().satisfies(r -> assertThat(r.plan().evidence())
                .extracting(e -> e.kind()).matches(kinds -> kinds.contains(TypoFixPlanner.ALREADY_CORRECTED) == already));
    }

    @org.junit.jupiter.api.Test
    void step_7_is_said_to_the_am_after_the_resend_and_only_then() {
        Flow flow = Flow.awaitingApproval();
        flow.approvalPosted(31);
        var first = flow.approved(31, "slack:UAPPROVER");
        assertThat(effects(first, Effect.PublicComment.class)).as("not before the change ran").isEmpty();
        assertThat(effects(flow.stepSucceeded(), Effect.PublicComment.class)).isEmpty();
        var done = flow.stepSucceeded();
        assertThat(effects(done, Effect.PublicComment.class)).singleElement().satisfies(c -> assertThat(c.body())
                .contains("Please update the contact's email in the CRM (Salesforce) from " + TYPO + " to " + FIXED,
                        "now have " + FIXED, "resent the activation code"));
        assertThat(notes(done)).contains("update the contact's email in the CRM");
    }
}
