package dev.supportbot.bot.plans;

import dev.supportbot.bot.engine.FactSource;
import dev.supportbot.bot.portal.PlanWorld;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.FactRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers {@link FactRequest.PortalAccountOf}: the customer with the email, read by {@link PlanWorld} with the billing
 * account it is a member of, so a plan about that customer's own account has its facts and scope. Not found (null)
 * when no customer has the email.
 */
final class PortalAccountSource implements FactSource<FactRequest.PortalAccountOf> {
    private final PortalClient portal;
    private final PlanWorld world;

    /** {@code portal} should read without a cache, so a plan starts from the back end as it is. */
    PortalAccountSource(PortalClient portal) {
        this.portal = portal;
        this.world = new PlanWorld(portal);
    }

    @Override
    public Class<FactRequest.PortalAccountOf> type() {
        return FactRequest.PortalAccountOf.class;
    }

    @Override
    public Object answer(FactRequest.PortalAccountOf request, Map<Long, String> commentBodies) {
        if (request.email() == null || request.email().isBlank()) return null;
        Optional<Customer> customer = portal.findCustomerByEmail(request.email());
        if (customer.isEmpty()) return null;
        List<Long> accounts = portal.membershipsOfCustomer(customer.get().id()).stream().map(Membership::billingAccountId).toList();
        return world.read(accounts, List.of(request.email()));
    }
}
