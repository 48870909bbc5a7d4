package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.portal.IdempotencyKey;
import dev.supportbot.bot.portal.PlanSteps;
import dev.supportbot.bot.portal.PlanWorld;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalException;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Preview;
import dev.supportbot.workflows.plan.Snapshot;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a plan's changes against the portal one step at a time through {@link PlanSteps}, and after each step asserts
 * that the portal shows exactly what the preview predicted: a step the model says is refused must be refused (with the
 * back end's words) and change nothing.
 */
final class PlanAgreement {
    private final PlanSteps steps;
    private final PlanWorld world;
    private int checkedSteps;
    private int refusedSteps;

    PlanAgreement(PortalClient portal) {
        this.steps = new PlanSteps(portal);
        this.world = new PlanWorld(portal);
    }

    BackendState facts(Collection<Long> accounts, Collection<String> emails) {
        return world.read(accounts, emails);
    }

    /** Runs {@code changes} from {@code facts} (read with {@link #facts} over {@code accounts}); returns the preview. */
    Preview run(String name, BackendState facts, List<PortalChange> changes, Collection<Long> accounts) {
        Preview preview = Preview.of(facts, changes);
        Set<String> emails = new LinkedHashSet<>(Snapshot.of(facts).customerEmails());
        preview.steps().forEach(s -> emails.addAll(s.after().customerEmails()));
        for (Preview.Step step : preview.steps()) {
            String what = name + ", step " + step.number() + " (" + step.description() + ")";
            IdempotencyKey key = IdempotencyKey.of(name.replaceAll("[^A-Za-z0-9-]", "_") + "-" + step.number());
            if (step.refusal() == null) {
                steps.run(step.change(), key);
            } else {
                assertThatThrownBy(() -> steps.run(step.change(), key)).as(what)
                        .isInstanceOf(PortalException.class).hasMessageContaining(step.refusal());
                refusedSteps++;
            }
            assertThat(Snapshot.of(world.read(accounts, emails))).as(what).isEqualTo(step.after());
            checkedSteps++;
        }
        return preview;
    }

    int checkedSteps() {
        return checkedSteps;
    }

    int refusedSteps() {
        return refusedSteps;
    }
}
