package dev.supportbot.workflows.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What a planner row expects: either no plan (why) or the steps with the Sold To email predicted after each. */
record Expect(Planning.Why why, List<String> steps, List<String> soldToAfterEachStep) {

    static Expect none(Planning.Why why) {
        return new Expect(why, null, null);
    }

    static Expect plan(List<String> steps, List<String> soldToAfterEachStep) {
        return new Expect(null, steps, soldToAfterEachStep);
    }

    void check(Planning planning) {
        if (why != null) {
            assertThat(planning).isInstanceOfSatisfying(Planning.NotPlanned.class, n -> assertThat(n.why()).isEqualTo(why));
            return;
        }
        assertThat(planning).isInstanceOf(Planning.Proposed.class);
        Planning.Proposed proposed = (Planning.Proposed) planning;
        Preview preview = proposed.preview();
        long account = proposed.plan().goal().billingAccountId();
        assertThat(preview.steps()).extracting(Preview.Step::description).containsExactlyElementsOf(steps);
        assertThat(preview.steps()).extracting(s -> s.after().account(account).soldTo().email())
                .containsExactlyElementsOf(soldToAfterEachStep);
        assertThat(preview.completes()).isTrue();
        assertThat(PlanCheck.problems(proposed.plan(), preview)).isEmpty();
        assertThat(preview).isEqualTo(proposed.plan().preview());
    }

    /** The plan proposed, which must be one. */
    static Planning.Proposed proposed(Planning planning) {
        assertThat(planning).isInstanceOf(Planning.Proposed.class);
        return (Planning.Proposed) planning;
    }

    /** The evidence of {@code kind} of a proposed plan. */
    static List<Evidence> evidenceOf(Planning.Proposed proposed, String kind) {
        return proposed.plan().evidence().stream().filter(e -> kind.equals(e.kind())).toList();
    }
}
