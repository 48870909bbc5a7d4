package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.ownership.Fixtures.Setup;
import org.junit.jupiter.api.Test;

/** A public comment is plain text: a command the customer runs stands on a line of its own, with no Markdown around it. */
class PlainCommentsTest {

    @Test
    void the_command_that_prints_the_license_stands_on_its_own_line() {
        Flow flow = Flow.awaitingProof(Setup.SELF_MANAGED_DIRECT, CUSTOMER);

        String ask = flow.allEffects.stream().filter(Effect.PublicComment.class::isInstance).map(e -> ((Effect.PublicComment) e).body())
                .filter(b -> b.contains("gitlab-rails")).findFirst().orElseThrow();

        assertThat(ask).contains("\n\nsudo gitlab-rails runner 'print License.current.data'\n\n").doesNotContain("`");
    }
}
