package dev.supportbot.bot;

import dev.supportbot.bot.approvals.Approvals;
import dev.supportbot.bot.engine.EffectHandler;
import dev.supportbot.bot.engine.EngineExtension;
import dev.supportbot.bot.engine.FactSource;
import dev.supportbot.bot.plans.PlanExecution;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.zendesk.ZendeskUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Approved actions wired to the engine: the facts a plan is made from, approval in Slack (the approval effects, the
 * approve/reject/retry clicks, the reject reason, the digest) and the execution of approved steps.
 */
final class ApprovedActions implements EngineExtension {

    @Override
    public List<FactSource<?>> factSources(HttpPortalClient portal) {
        return List.of(PlanExecution.factSource(portal), PlanExecution.accountSource(portal));
    }

    @Override
    public Attached attach(Parts parts) {
        Approvals approvals = Approvals.create(parts.config(), parts.database(), parts.slack(), parts.clock(),
                parts.instances()::initiator,
                ticket -> Optional.ofNullable(parts.zendesk().ticket(ticket).requester()).map(ZendeskUser::name),
                parts.engine());
        parts.reminders().daily(Approvals.DIGEST_SOURCE, approvals.digestAt());
        List<EffectHandler<?>> handlers = new ArrayList<>(approvals.effectHandlers());
        handlers.add(PlanExecution.handler(parts.portal(), parts.clock()));
        return new Attached(handlers, approvals.clickHandlers(), approvals.dispatchers());
    }
}
