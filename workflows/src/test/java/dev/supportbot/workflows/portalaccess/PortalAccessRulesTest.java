package dev.supportbot.workflows.portalaccess;

import static dev.supportbot.workflows.approved.Phases.asking;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Handoff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/handbook.md, "Portal access help": a one-time sign-in link (login activated) or the email confirmation again,
 * only to the account's own address: the requester's. Each row is one request and what comes of it.
 */
class PortalAccessRulesTest {
    private static final Context CTX = Context.at(Instant.parse("2026-12-01T10:00:00Z"));
    private static final Person SAM = new Person("Sam Rivera", "sam@acme.example");
    private static final Person PAT = new Person("Pat Lee", "pat@acme.example");
    private static final Person MILTON = new Person("Milton Waddams", "milton@initech.example");
    private static final Person NIA = new Person("Nia New", "nia@acme.example");
    private static final String CANNOT_SIGN_IN = "I cannot sign in to the Customers Portal, could you help?";
    private static final String NO_CONFIRMATION = "I never received the email to confirm my address.";

    /** @param plannedStep the plan's one step; null when there is none */
    record Row(String name, Person requester, String request, PortalChange plannedStep, Class<?> end, Handoff handoff) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a subscription contact who cannot sign in gets a sign-in link to their own account", SAM, CANNOT_SIGN_IN,
                        new PortalChange.SendSignInLink(1102), PortalAccessState.Gate.class, null),
                new Row("a subscription contact without the confirmation mail gets it again", SAM, NO_CONFIRMATION,
                        new PortalChange.ResendConfirmation(1102), PortalAccessState.Gate.class, null),
                new Row("the confirmation needs no login activated", MILTON, NO_CONFIRMATION,
                        new PortalChange.ResendConfirmation(1302), PortalAccessState.Gate.class, null),
                new Row("the requester's own address in the request is not another one", SAM, "My address is Sam@Acme.example; "
                        + CANNOT_SIGN_IN, new PortalChange.SendSignInLink(1102), PortalAccessState.Gate.class, null),
                new Row("an account linked to GitLab.com signs in with it", PAT, CANNOT_SIGN_IN, null,
                        PortalAccessState.SelfService.class, null),
                new Row("an account that manages no billing account gets the self-service steps", NIA, CANNOT_SIGN_IN, null,
                        PortalAccessState.SelfService.class, null),
                // Negatives.
                new Row("a link to another address", SAM, "Please send a sign-in link to sam.private@gmail.example.", null,
                        PortalAccessState.NeedsHuman.class, Handoff.ANOTHER_ADDRESS),
                new Row("the confirmation to another address", SAM, "Please confirm my new address sam@newco.example.", null,
                        PortalAccessState.NeedsHuman.class, Handoff.ANOTHER_ADDRESS),
                new Row("a requester without an account", new Person("Una Known", "una@unknown.example"), CANNOT_SIGN_IN, null,
                        PortalAccessState.NeedsHuman.class, Handoff.NO_ACCOUNT),
                new Row("login not activated: no sign-in link", MILTON, CANNOT_SIGN_IN, null,
                        PortalAccessState.NeedsHuman.class, Handoff.NO_PLAN),
                new Row("no requester address", new Person("Nobody", null), CANNOT_SIGN_IN, null,
                        PortalAccessState.NeedsHuman.class, Handoff.NO_REQUESTER_EMAIL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void portal_access(Row row) {
        Decision<PortalAccessState> d = start(row.requester(), row.request());

        assertThat(d.state()).isInstanceOf(row.end());
        List<Effect.RequestApproval> asked = of(d, Effect.RequestApproval.class);
        if (row.plannedStep() == null) assertThat(asked).as("no plan").isEmpty();
        else assertThat(asked).singleElement().satisfies(a -> assertThat(a.plan().changes()).containsExactly(row.plannedStep()));
        if (row.handoff() != null) {
            assertThat(((PortalAccessState.NeedsHuman) d.state()).why()).isEqualTo(row.handoff());
            assertThat(of(d, Effect.PublicComment.class)).isEmpty();
        }
        if (d.state() instanceof PortalAccessState.SelfService) {
            assertThat(of(d, Effect.PublicComment.class)).singleElement().satisfies(c -> assertThat(c.body()).doesNotContain("@"));
        }
        ReadableTexts.assertWrittenForPeopleIn(d.effects());
    }

    @Test
    void approved_the_link_is_sent_and_the_requester_told_without_an_address() {
        PortalAccess workflow = new PortalAccess();
        Decision<PortalAccessState> d = start(SAM, CANNOT_SIGN_IN);
        List<Effect> effects = new ArrayList<>(d.effects());
        String hash = asking(d.state()).planHash();
        d = workflow.decide(d.state(), new Event.ApprovalDecided(41, hash, true, List.of("slack:UAPPROVER1"), null), Facts.none(), CTX);
        effects.addAll(d.effects());
        Effect.RunPlanStep step = of(d, Effect.RunPlanStep.class).get(0);
        Event.EffectSucceeded ran = new Event.EffectSucceeded(step.key(), Map.of());
        Facts.Builder reads = Facts.builder();
        for (FactRequest<?> r : workflow.factsNeeded(d.state(), ran)) {
            reads.put(r, world().account(((FactRequest.BillingAccountById) r).id()).orElse(null));
        }
        d = workflow.decide(d.state(), ran, reads.build(), CTX);
        effects.addAll(d.effects());

        assertThat(d.state()).isInstanceOf(PortalAccessState.Done.class);
        assertThat(of(d, Effect.PublicComment.class)).singleElement().satisfies(c -> assertThat(c.body())
                .contains("one-time sign-in link", "the one you wrote to us from", "24 hours").doesNotContain("@"));
        assertThat(ReadableTexts.of(effects)).anySatisfy(t -> assertThat(t).contains("approved by a Slack user"));
        ReadableTexts.assertWrittenForPeopleIn(effects);
    }

    private static Decision<PortalAccessState> start(Person requester, String request) {
        PortalAccess workflow = new PortalAccess();
        PortalAccessState state = new PortalAccessState.Requested();
        Event e = new Event.TicketUpdated(new Ticket(6161, "Customers Portal access", request, requester,
                Set.of(PortalAccess.START_TAG), "open"), List.of());
        Facts.Builder facts = Facts.builder();
        for (FactRequest<?> r : workflow.factsNeeded(state, e)) {
            String email = ((FactRequest.PortalAccountOf) r).email();
            facts.put(r, world().customerByEmail(email).isPresent() ? world() : null);
        }
        return workflow.decide(state, e, facts.build(), CTX);
    }

    private static <T extends Effect> List<T> of(Decision<?> d, Class<T> type) {
        return d.effects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Acme (Sold To Pat, members Pat and Sam), Initech (Milton a member, login off); Nia manages nothing. */
    private static BackendState world() {
        Contact pat = new Contact("Pat", "Lee", "pat@acme.example", "1 Roadrunner Way");
        Contact bill = new Contact("Bill", "Lumbergh", "bill@initech.example", "4120 Freidrich Lane");
        return new BackendState(
                List.of(new Customer(1101, "Pat", "Lee", "pat@acme.example", "Acme Corp", true, 5001L),
                        new Customer(1102, "Sam", "Rivera", "sam@acme.example", "Acme Corp", true, null),
                        new Customer(1103, "Nia", "New", "nia@acme.example", "Acme Corp", true, null),
                        new Customer(1301, "Bill", "Lumbergh", "bill@initech.example", "Initech", true, null),
                        new Customer(1302, "Milton", "Waddams", "milton@initech.example", "Initech", false, null)),
                List.of(new BillingAccount(1001, "A00001001", "Acme Corp", pat, pat, null),
                        new BillingAccount(1003, "A00003001", "Initech", bill, bill, null)),
                List.of(new Membership(1, 1101, 1001), new Membership(2, 1102, 1001), new Membership(3, 1301, 1003),
                        new Membership(4, 1302, 1003)));
    }
}
