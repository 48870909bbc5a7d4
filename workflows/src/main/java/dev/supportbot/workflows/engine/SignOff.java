package dev.supportbot.workflows.engine;

/**
 * The one sign-off under every public comment the bot writes (on the ticket, on a linked ticket, opening a separate
 * ticket), for every workflow: added here to the decisions of {@link TabledWorkflow}, so no text writes its own.
 */
public final class SignOff {
    public static final WorkflowSetting<String> SETTING = WorkflowSetting.text("texts.sign_off", "BOT_SIGN_OFF",
            "Licensing & Renewals Support",
            "all workflows: the team's name under every public comment the bot writes, after \"Best regards,\"");

    private SignOff() {}

    /** Whether {@code body} ends with the sign-off: one of the bot's own comments, come back to it as a new comment. */
    public static boolean isSigned(String body, Context ctx) {
        return body != null && body.strip().endsWith(closing(ctx).strip());
    }

    static <S> Decision<S> signed(Decision<S> decision, Context ctx) {
        return new Decision<>(decision.state(), decision.effects().stream().map(e -> signed(e, ctx)).toList());
    }

    private static Effect signed(Effect effect, Context ctx) {
        if (effect instanceof Effect.PublicComment c) return new Effect.PublicComment(c.body() + closing(ctx));
        if (effect instanceof Effect.UpdateLinkedTicket u && u.publicComment() != null) {
            return new Effect.UpdateLinkedTicket(u.ticketId(), u.publicComment() + closing(ctx), u.status());
        }
        if (effect instanceof Effect.OpenSeparateTicket t) {
            return new Effect.OpenSeparateTicket(t.key(), t.recipientName(), t.recipientEmail(), t.subject(), t.body() + closing(ctx));
        }
        return effect;
    }

    private static String closing(Context ctx) {
        return "\n\nBest regards,\n" + ctx.setting(SETTING);
    }
}
