package dev.supportbot.bot.engine;

import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.FactRequest;

/**
 * Stand-ins for handlers and sources a test does not wire: registered so the registries are
 * complete, they fail every use for good (not retried), saying why. A keyed effect's workflow hears of the failure.
 */
final class Unavailable {
    private Unavailable() {}

    static <E extends Effect> EffectHandler<E> effect(Class<E> type, String why) {
        return new EffectHandler<>() {
            @Override
            public Class<E> type() {
                return type;
            }

            @Override
            public Ran run(EffectStep step, E effect, boolean retry) {
                throw new OutboundException(OutboundException.Failure.NOT_CONFIGURED, SealedTypes.name(type) + ": " + why);
            }
        };
    }

    static <R extends FactRequest<?>> FactSource<R> fact(Class<R> type, String why) {
        return FactSources.source(type, (request, bodies) -> {
            throw new OutboundException(OutboundException.Failure.NOT_CONFIGURED, SealedTypes.name(type) + ": " + why);
        });
    }
}
