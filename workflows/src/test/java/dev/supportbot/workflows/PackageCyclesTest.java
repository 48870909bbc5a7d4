package dev.supportbot.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workflows' packages depend on each other in one direction only: no package reaches itself through others. */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/supportbot/workflows");

    @Test
    void no_package_depends_on_itself_through_others() throws IOException {
        Map<String, Set<String>> dependencies = PackageCycles.dependencies(SOURCES, "dev.supportbot.workflows");
        assertThat(dependencies).as("packages read").containsKeys("engine", "plan", "approved", "addcontact", "ownership");
        assertThat(dependencies.get("approved")).as("a dependency found").contains("engine", "plan");

        assertThat(PackageCycles.cycles(dependencies)).as("package cycles").isEmpty();
    }

    @Test
    void the_check_finds_a_cycle_when_there_is_one() {
        Map<String, Set<String>> withCycle = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(PackageCycles.cycleFrom("a", withCycle)).containsExactly("a", "b", "c", "a");
        assertThat(PackageCycles.cycleFrom("d", withCycle)).isNull();
        assertThat(PackageCycles.cycles(withCycle)).containsExactlyInAnyOrder("a -> b -> c -> a", "b -> c -> a -> b", "c -> a -> b -> c");
    }
}
