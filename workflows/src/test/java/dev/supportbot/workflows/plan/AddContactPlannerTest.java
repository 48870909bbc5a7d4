package dev.supportbot.workflows.plan;

import static dev.supportbot.workflows.plan.World.ACME;
import static dev.supportbot.workflows.plan.World.HOOLI;
import static dev.supportbot.workflows.plan.World.SAM;

import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.plan.Planning.Why;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Add a subscription management contact: every branch of docs/handbook.md, "Add a subscription management contact", and every ordering hazard. */
class AddContactPlannerTest {

    record Row(String name, World world, String requester, List<HistoryEntry> history, boolean leaveOther, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ADD_SAM = "Add Sam Rivera <sam@acme.example> (customer 2) as a member of billing account A00001001";
    private static final String LOGIN_SAM = "Activate login of Sam Rivera <sam@acme.example> (customer 2)";
    private static final String PAT = "pat@acme.example";

    static Stream<Row> rows() {
        return Stream.of(
                new Row("Acme's Sam: no membership, login on: one step", World.seeded(), "sam@acme.example",
                        World.createdThen(), false, Expect.plan(List.of(ADD_SAM), List.of(PAT))),
                new Row("login off (set at create): the handbook order, the Sold To's customer saved last",
                        World.seeded().withLogin(SAM, false), "sam@acme.example", World.createdThen(), false,
                        Expect.plan(List.of(ADD_SAM, LOGIN_SAM, "Save Pat Lee <pat@acme.example> (customer 1) unchanged"),
                                List.of(PAT, "sam@acme.example", PAT))),
                new Row("login off, the history has only an on after create: not off on purpose",
                        World.seeded().withLogin(SAM, false), "sam@acme.example", World.createdThen("true"), false,
                        Expect.plan(List.of(ADD_SAM, LOGIN_SAM, "Save Pat Lee <pat@acme.example> (customer 1) unchanged"),
                                List.of(PAT, "sam@acme.example", PAT))),
                new Row("login off and Bill To = Sold To: saving last would fix the Bill To only, so login goes first",
                        World.seeded().withLogin(SAM, false).withAcmeBillToSameAsSoldTo(), "sam@acme.example",
                        World.createdThen(), false, Expect.plan(List.of(LOGIN_SAM, ADD_SAM), List.of(PAT, PAT))),
                new Row("login off and the Sold To has no customer: login goes first",
                        World.seeded().withLogin(SAM, false).withoutCustomer(World.PAT), "sam@acme.example",
                        World.createdThen(), false, Expect.plan(List.of(LOGIN_SAM, ADD_SAM), List.of(PAT, PAT))),
                new Row("login switched off after create (Initech's Milton): a person decides",
                        World.seeded().withLogin(SAM, false), "sam@acme.example", World.createdThen("false"), false,
                        Expect.none(Why.NEEDS_HUMAN)),
                new Row("no customer record: tell the agent", World.seeded(), "new@acme.example", List.of(), false,
                        Expect.none(Why.NEEDS_HUMAN)),
                new Row("a membership elsewhere: ask the requester first",
                        World.seeded().withMembership(102, SAM, HOOLI), "sam@acme.example", World.createdThen(), false,
                        Expect.none(Why.ASK_REQUESTER)),
                new Row("a membership elsewhere, requester agreed: removed first",
                        World.seeded().withMembership(102, SAM, HOOLI), "sam@acme.example", World.createdThen(), true,
                        Expect.plan(List.of("Remove the membership of Sam Rivera <sam@acme.example> (customer 2) in billing"
                                + " account A00005001", ADD_SAM), List.of(PAT, PAT))),
                new Row("membership elsewhere and login off: removed, then login, then membership, no account touched",
                        World.seeded().withLogin(SAM, false).withMembership(102, SAM, HOOLI).withAcmeBillToSameAsSoldTo(),
                        "sam@acme.example", World.createdThen(), true,
                        Expect.plan(List.of("Remove the membership of Sam Rivera <sam@acme.example> (customer 2) in billing"
                                + " account A00005001", LOGIN_SAM, ADD_SAM), List.of(PAT, PAT, PAT))),
                new Row("already a member with login on: nothing to do", World.seeded(), PAT, World.createdThen(), false,
                        Expect.none(Why.NOTHING_TO_DO)),
                new Row("already a member, login off: enable and save the Sold To's customer last",
                        World.seeded().withLogin(SAM, false).withMembership(102, SAM, ACME), "sam@acme.example",
                        World.createdThen(), false,
                        Expect.plan(List.of(LOGIN_SAM, "Save Pat Lee <pat@acme.example> (customer 1) unchanged"),
                                List.of("sam@acme.example", PAT))),
                // handbook (Customers Portal): resellers have no access to the portal or their customers' accounts
                new Row("a requester from the reseller's domain is never made a member",
                        World.seeded().withAcmeBoughtThroughReseller(), World.RESELLER_EMAIL, World.createdThen(), false,
                        Expect.none(Why.RESELLER_REQUESTER)),
                new Row("the reseller's domain in another case and spacing is still the reseller",
                        World.seeded().withAcmeBoughtThroughReseller(), " Rita@PARTNER.example", World.createdThen(), false,
                        Expect.none(Why.RESELLER_REQUESTER)),
                new Row("the customer's own staff of a reseller purchase is planned as usual",
                        World.seeded().withAcmeBoughtThroughReseller(), "sam@acme.example", World.createdThen(), false,
                        Expect.plan(List.of(ADD_SAM), List.of(PAT))),
                new Row("already a member, login off, Bill To = Sold To: no safe order exists",
                        World.seeded().withLogin(SAM, false).withMembership(102, SAM, ACME).withAcmeBillToSameAsSoldTo(),
                        "sam@acme.example", World.createdThen(), false, Expect.none(Why.NO_SAFE_ORDER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(Row row) {
        Planning planning = AddContactPlanner.plan(new AddContactPlanner.Request(42, World.EVIDENCE, row.world().state(), ACME,
                row.requester(), row.history(), row.leaveOther()));

        row.expect().check(planning);
    }
}
