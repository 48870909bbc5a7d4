package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.ownership.Fixtures.Setup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ticket's notes tell the story in the order it happened: that a separate ticket is being opened to the Sold To
 * contact comes before the ticket is opened (effects run in their order), and that it was sent, with its number, after.
 */
class NoteOrderTest {

    @Test
    void opening_the_sold_to_ticket_is_noted_before_it_is_opened_and_its_number_after() {
        Flow flow = Flow.awaitingProof(Setup.SELF_MANAGED_DIRECT, CUSTOMER);
        List<Effect> started = List.copyOf(flow.allEffects);
        int opening = indexOf(started, e -> e instanceof Effect.PrivateNote n && n.body().contains("opening a separate ticket"));
        int opened = indexOf(started, e -> e instanceof Effect.OpenSeparateTicket);

        flow.send(new EffectSucceeded(OwnershipVerification.SOLD_TO_TICKET_KEY, Map.of(Effect.OpenSeparateTicket.TICKET_ID, "987")));

        assertThat(opening).isNotNegative().isLessThan(opened);
        assertThat(flow.allEffects.stream().filter(Effect.PrivateNote.class::isInstance).map(e -> ((Effect.PrivateNote) e).body()))
                .filteredOn(n -> n.contains("Sold To contact"))
                .satisfiesExactly(first -> assertThat(first).contains("opening a separate ticket"),
                        then -> assertThat(then).isEqualTo("Approval request sent to the Sold To contact as ticket #987."));
    }

    private static int indexOf(List<Effect> effects, java.util.function.Predicate<Effect> which) {
        for (int i = 0; i < effects.size(); i++) if (which.test(effects.get(i))) return i;
        return -1;
    }
}
