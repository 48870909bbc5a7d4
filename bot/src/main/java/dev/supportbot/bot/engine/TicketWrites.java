package dev.supportbot.bot.engine;

import dev.supportbot.bot.zendesk.TicketStatus;
import dev.supportbot.bot.zendesk.TicketUpdate;
import dev.supportbot.workflows.engine.Effect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folds a run of ticket effects (comment, note, tags, status) of one decision into one ticket update, in order:
 * the run ends before an effect that is not a ticket write, before a second comment (Zendesk takes one an update),
 * and before anything that would undo part of the update (a tag both added and removed, a second status).
 */
final class TicketWrites {
    /** The update and how many effects, from the first, it carries out. */
    record Folded(TicketUpdate update, int effects) {}

    private TicketWrites() {}

    static boolean isTicketWrite(Effect effect) {
        return effect instanceof Effect.PublicComment || effect instanceof Effect.PrivateNote || effect instanceof Effect.AddTags
                || effect instanceof Effect.RemoveTags || effect instanceof Effect.SetTicketStatus;
    }

    /**
     * {@code effects} with {@code extras} inserted right after the first ticket write, so that they ride in the update
     * it starts; appended when some extra is not a ticket write or no effect is.
     */
    static List<Effect> joinFirstUpdate(List<Effect> effects, List<Effect> extras) {
        List<Effect> joined = new ArrayList<>(effects);
        int first = extras.stream().allMatch(TicketWrites::isTicketWrite) ? indexOfFirstWrite(effects) : -1;
        joined.addAll(first < 0 ? joined.size() : first + 1, extras);
        return joined;
    }

    private static int indexOfFirstWrite(List<Effect> effects) {
        for (int i = 0; i < effects.size(); i++) if (isTicketWrite(effects.get(i))) return i;
        return -1;
    }

    static Folded fold(List<Effect> effects, int from) {
        TicketUpdate update = TicketUpdate.NONE;
        int n = 0;
        for (int i = from; i < effects.size(); i++) {
            TicketUpdate next = with(update, effects.get(i));
            if (next == null) break;
            update = next;
            n++;
        }
        if (n == 0) throw new IllegalArgumentException("not a ticket write: " + effects.get(from).getClass().getSimpleName());
        return new Folded(update, n);
    }

    /** The update with the effect added, or null when it cannot join it. */
    private static TicketUpdate with(TicketUpdate update, Effect effect) {
        if (effect instanceof Effect.PublicComment c) return update.comment() == null ? update.withComment(c.body(), true) : null;
        if (effect instanceof Effect.PrivateNote n) return update.comment() == null ? update.withComment(n.body(), false) : null;
        if (effect instanceof Effect.AddTags t) return disjoint(t.tags(), update.removeTags()) ? update.adding(t.tags()) : null;
        if (effect instanceof Effect.RemoveTags t) return disjoint(t.tags(), update.addTags()) ? update.removing(t.tags()) : null;
        if (effect instanceof Effect.SetTicketStatus s) {
            return update.status() == null ? update.withStatus(TicketStatus.valueOf(s.status().toUpperCase(Locale.ROOT))) : null;
        }
        return null;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return Collections.disjoint(a, b);
    }
}
