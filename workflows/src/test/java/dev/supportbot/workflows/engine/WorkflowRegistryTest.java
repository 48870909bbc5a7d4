package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowRegistryTest {

    record Dummy(String kind, String startTag) implements Workflow<String> {
        public Class<String> stateType() { return String.class; }
        public String initialState() { return "new"; }
        public List<FactRequest<?>> factsNeeded(String state, Event event) { return List.of(); }
        public Decision<String> decide(String state, Event event, Facts facts, Context ctx) { return Decision.unchanged(state); }
        public boolean finished(String state) { return false; }
        public Outcome outcome(String state) { return new Outcome(kind, state, false, java.util.Map.of()); }
    }

    @Test
    void finds_workflows_by_start_tag_and_kind() {
        OwnershipVerification ov = new OwnershipVerification();
        WorkflowRegistry registry = WorkflowRegistry.of(ov, new Dummy("other", "supportbot_start_other"));
        assertThat(registry.forStartTag("supportbot_start_ownership_verification")).containsSame(ov);
        assertThat(registry.forKind("ownership_verification")).containsSame(ov);
        assertThat(registry.forStartTag("supportbot_ov_verified")).isEmpty();
        assertThat(registry.all()).hasSize(2);
    }

    @Test
    void kinds_and_start_tags_are_unique() {
        assertThatThrownBy(() -> WorkflowRegistry.of(new Dummy("a", "t1"), new Dummy("a", "t2"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkflowRegistry.of(new Dummy("a", "t"), new Dummy("b", "t"))).isInstanceOf(IllegalArgumentException.class);
    }
}
