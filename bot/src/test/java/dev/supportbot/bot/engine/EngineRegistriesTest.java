package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.bot.tracker.IssueTracker;
import dev.supportbot.bot.zendesk.ApiBudget;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskMeter;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every effect and fact request has exactly one handler or source, checked when the registries are built. */
class EngineRegistriesTest {
    private final Clock clock = Clock.systemUTC();
    private final BotConfig config = TestBots.config(TestBots.envWithoutDatabase());
    private final Database db = TestDatabases.open();
    private final Zendesk zendesk = Zendesk.fromConfig(config, ApiBudget.fromConfig(config, db, clock, Sleeper.SYSTEM),
            Sleeper.SYSTEM, ZendeskMeter.NONE);
    private final WorkflowRegistry workflows = WorkflowRegistry.of(new OwnershipVerification());
    private final WorkflowJson json = new WorkflowJson(workflows);
    private final InstanceStore instances = new InstanceStore(db, clock);
    private final Supplier<PortalClient> noPortal = () -> {
        throw new IllegalStateException("not called");
    };

    @AfterEach
    void close() {
        zendesk.close();
        db.close();
    }

    private List<EffectHandler<?>> withPlaceholders() {
        List<EffectHandler<?>> all = new ArrayList<>(productionHandlers());
        all.add(Unavailable.effect(Effect.RequestApproval.class, "approvals are not wired in this test"));
        all.add(Unavailable.effect(Effect.UpdateApproval.class, "approvals are not wired in this test"));
        all.add(Unavailable.effect(Effect.RunPlanStep.class, "plan execution is not wired in this test"));
        return all;
    }

    private List<EffectHandler<?>> productionHandlers() {
        return EnginePlugin.effectHandlers(zendesk, SlackNotifier.fromConfig(config), IssueTracker.fromConfig(config),
                new ReminderPort() {
                    @Override
                    public void schedule(long instanceId, int sequence, long ticketId, Instant at) {}

                    @Override
                    public void cancelAll(long instanceId) {}
                }, new TicketLinks(""), db, json, clock);
    }

    @Test
    void the_engine_handles_every_effect_and_fact_request_but_those_of_approved_actions() {
        List<Class<?>> handled = productionHandlers().stream().<Class<?>>map(EffectHandler::type).toList();
        List<Class<?>> unhandled = new ArrayList<>(SealedTypes.leaves(Effect.class));
        unhandled.removeAll(handled);
        assertThat(unhandled).containsExactlyInAnyOrder(Effect.RequestApproval.class, Effect.UpdateApproval.class,
                Effect.RunPlanStep.class);
        assertThatThrownBy(() -> EffectHandlers.of(productionHandlers()))
                .hasMessage("no effect handler for Effect.RequestApproval, Effect.UpdateApproval, Effect.RunPlanStep");

        List<Class<?>> answered = EnginePlugin.factSources(noPortal, instances, workflows, json).stream()
                .<Class<?>>map(FactSource::type).toList();
        List<Class<?>> unanswered = new ArrayList<>(SealedTypes.leaves(FactRequest.class));
        unanswered.removeAll(answered);
        assertThat(unanswered).containsExactlyInAnyOrder(FactRequest.PlanFactsOf.class, FactRequest.PortalAccountOf.class);
    }

    @Test
    void a_registry_missing_an_effect_handler_does_not_build_and_names_the_effect() {
        List<EffectHandler<?>> handlers = new ArrayList<>(withPlaceholders());
        handlers.removeIf(h -> h.type() == Effect.Continue.class);

        assertThatThrownBy(() -> EffectHandlers.of(handlers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no effect handler for Effect.Continue");
    }

    @Test
    void a_registry_with_two_handlers_for_one_effect_does_not_build() {
        List<EffectHandler<?>> handlers = new ArrayList<>(withPlaceholders());
        handlers.add(new ContinueHandler());

        assertThatThrownBy(() -> EffectHandlers.of(handlers)).hasMessage("two handlers for Effect.Continue");
    }

    @Test
    void a_registry_missing_a_fact_source_does_not_build_and_names_the_request() {
        List<FactSource<?>> sources = new ArrayList<>(EnginePlugin.factSources(noPortal, instances, workflows, json));
        sources.add(Unavailable.fact(FactRequest.PlanFactsOf.class, "plan facts are not wired in this test"));
        sources.add(Unavailable.fact(FactRequest.PortalAccountOf.class, "plan facts are not wired in this test"));
        sources.removeIf(s -> s.type() == FactRequest.OutcomeOf.class || s.type() == FactRequest.InvoiceByNumber.class);

        assertThatThrownBy(() -> FactSources.of(sources))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no fact source for FactRequest.InvoiceByNumber, FactRequest.OutcomeOf");
        sources.add(new OutcomeSource(instances, workflows, json));
        sources.add(new OutcomeSource(instances, workflows, json));
        assertThatThrownBy(() -> FactSources.of(sources)).hasMessage("two sources for FactRequest.OutcomeOf");
    }

    @Test
    void a_placeholder_fails_for_good_saying_what_is_not_wired() {
        EffectHandlers handlers = EffectHandlers.of(withPlaceholders());
        EffectStep step = new EffectStep(1L, 7, 1, 0, List.of(new Effect.UpdateApproval(3, Effect.UpdateApproval.Phase.DONE, List.of(), null)));

        assertThatThrownBy(() -> handlers.run(step, false))
                .isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("Effect.UpdateApproval: approvals are not wired in this test");
    }
}
