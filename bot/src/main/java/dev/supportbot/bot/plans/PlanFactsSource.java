package dev.supportbot.bot.plans;

import dev.supportbot.bot.engine.FactSource;
import dev.supportbot.bot.portal.PlanWorld;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalException;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.domain.Subscription;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.plan.BackendState;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Answers {@link FactRequest.PlanFactsOf}: the subscription's billing account, the back end around it read by
 * {@link PlanWorld}, and the asked-for customers' histories (oldest first). The accounts the customers read are members
 * of are read too, with their own contacts and members: a plan's scope names every account of its facts, and the
 * check before each step reads exactly that scope, so the facts must already be what such a read returns.
 * Not found (null) when the subscription or its billing account does not exist.
 */
public final class PlanFactsSource implements FactSource<FactRequest.PlanFactsOf> {
    private final PortalClient portal;
    private final PlanWorld world;

    /** {@code portal} should read without a cache, so a plan starts from the back end as it is. */
    public PlanFactsSource(PortalClient portal) {
        this.portal = portal;
        this.world = new PlanWorld(portal);
    }

    @Override
    public Class<FactRequest.PlanFactsOf> type() {
        return FactRequest.PlanFactsOf.class;
    }

    @Override
    public Object answer(FactRequest.PlanFactsOf request, Map<Long, String> commentBodies) {
        Subscription subscription = orNull(() -> portal.subscription(request.subscriptionName()));
        if (subscription == null) return null;
        BillingAccount account = orNull(() -> portal.billingAccount(subscription.billingAccountId()));
        if (account == null) return null;
        BackendState around = world.read(List.of(account.id()), request.emails());
        Set<Long> accounts = new LinkedHashSet<>(List.of(account.id()));
        around.memberships().stream().map(Membership::billingAccountId).forEach(accounts::add);
        BackendState state = accounts.size() == 1 ? around : world.read(accounts, request.emails());
        Map<String, List<HistoryEntry>> histories = new LinkedHashMap<>();
        for (String email : request.emails()) {
            state.customerByEmail(email).ifPresent(c ->
                    histories.put(email.trim().toLowerCase(Locale.ROOT), portal.customerHistory(c.id())));
        }
        return new PlanFacts(account.id(), state, histories);
    }

    private static <T> T orNull(Supplier<T> call) {
        try {
            return call.get();
        } catch (PortalException.NotFound e) {
            return null;
        }
    }
}
