package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.Effect;

/** Does nothing: its key comes back to the workflow as an EffectSucceeded, so it can fetch new facts and go on. */
final class ContinueHandler implements EffectHandler<Effect.Continue> {
    @Override
    public Class<Effect.Continue> type() {
        return Effect.Continue.class;
    }

    @Override
    public Ran run(EffectStep step, Effect.Continue effect, boolean retry) {
        return Ran.done();
    }
}
