package dev.supportbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.PackageCycles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bot's packages depend on each other in one direction only: no package reaches itself through others. The top
 * package (the composition root) counts like any other: it may use every package, so none may use it.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/supportbot/bot");

    @Test
    void no_package_depends_on_itself_through_others() throws IOException {
        Map<String, Set<String>> dependencies = PackageCycles.dependencies(SOURCES, "dev.supportbot.bot");
        assertThat(dependencies).as("packages read").containsKeys(PackageCycles.ROOT, "engine", "inbox", "portal", "sandbox", "zendesk");
        assertThat(dependencies.get(PackageCycles.ROOT)).as("the root uses the packages it wires").contains("engine", "inbox");

        assertThat(PackageCycles.cycles(dependencies)).as("package cycles").isEmpty();
    }
}
