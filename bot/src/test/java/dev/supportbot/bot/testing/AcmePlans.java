package dev.supportbot.bot.testing;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Goal;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PortalChange;
import java.util.List;

/** For tests: a plan on Acme, where Pat Lee is Sold To and member and Bo Chan the Bill To, that adds Sam Rivera as a member. */
public final class AcmePlans {
    private AcmePlans() {}

    /** The plan for {@code ticket}, with its {@code purpose} and the ownership evidence {@code verified}. */
    public static Plan addingSam(long ticket, String purpose, String verified) {
        Contact pat = new Contact("Pat", "Lee", "pat@acme.example", "1 Roadrunner Way");
        Contact bo = new Contact("Bo", "Chan", "billing@acme.example", "1 Roadrunner Way");
        BackendState facts = new BackendState(
                List.of(new Customer(1, "Pat", "Lee", "pat@acme.example", "Acme", true, null),
                        new Customer(2, "Sam", "Rivera", "sam@acme.example", "Acme", true, null)),
                List.of(new BillingAccount(10, "A00001001", "Acme", pat, bo, null)),
                List.of(new Membership(100, 1, 10)));
        return new Plan(ticket, purpose, List.of(new Evidence("ownership", verified)), facts,
                List.of(new PortalChange.CreateMembership(2, 10)),
                new Goal(10, pat, bo, List.of("pat@acme.example", "sam@acme.example")));
    }
}
