package dev.supportbot.workflows.typofix;

import static dev.supportbot.workflows.typofix.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounced mail's subject quotes the activation code (the fake back end hands it over unscrubbed, as a careless
 * portal would): no state, effect or note of any run carries it, nor any other secret.
 */
class PrivacyAndSecretsTest {

    static List<Flow> runs() {
        List<Flow> runs = new ArrayList<>();
        Flow done = Flow.awaitingApproval();
        done.approvalPosted(31);
        done.approved(31, "slack:UAPPROVER");
        done.stepSucceeded();
        done.stepSucceeded();
        runs.add(done);
        Flow corrected = Flow.awaitingConfirmation();
        corrected.amReplies("it is alicia@umbrella.example, code " + ACTIVATION_CODE);
        corrected.amReplies("yes");
        corrected.continued();
        runs.add(corrected);
        Flow hooli = new Flow();
        hooli.ticket = request("typo in gavin@hooli.example (code " + ACTIVATION_CODE + ")");
        hooli.start();
        hooli.continued();
        runs.add(hooli);
        return runs;
    }

    @Test
    void no_activation_code_in_any_state_or_effect() {
        for (Flow flow : runs()) {
            assertThat(flow.states).extracting(Object::toString).noneMatch(s -> s.contains(ACTIVATION_CODE));
            assertThat(flow.allEffects).extracting(Object::toString).noneMatch(s -> s.contains(ACTIVATION_CODE));
            for (Effect e : flow.allEffects) {
                String text = e instanceof Effect.PrivateNote n ? n.body() : e instanceof Effect.PublicComment c ? c.body() : "";
                assertThat(SecretScanner.containsSecret(text)).as(text).isFalse();
            }
        }
    }

    @Test
    void the_bounce_note_masks_the_subject_rather_than_dropping_it() {
        Flow flow = Flow.awaitingConfirmation();
        String note = flow.allEffects.stream().filter(e -> e instanceof Effect.PrivateNote).map(e -> ((Effect.PrivateNote) e).body())
                .findFirst().orElseThrow();
        assertThat(note).contains("Subject: " + SecretScanner.mask("Your GitLab activation code: " + ACTIVATION_CODE));
    }
}
