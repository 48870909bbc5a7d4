package dev.supportbot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jar carries the bot's own list of Flyway's plug-ins instead of flyway-core's, so that Flyway's H2 dialect can stay
 * out: the two lists must name the same plug-ins but that one, or an upgrade of Flyway would silently lose a plug-in.
 */
class FlywayPluginsTest {
    private static final String LIST = "META-INF/services/org.flywaydb.core.extensibility.Plugin";
    private static final String H2 = "org.flywaydb.core.internal.database.h2.H2DatabaseType";

    @Test
    void the_bots_list_is_flyway_cores_without_its_h2_dialect() throws IOException {
        List<String> flywayCore = null;
        List<String> bots = null;
        for (URL url : Collections.list(getClass().getClassLoader().getResources(LIST))) {
            String where = url.toString();
            if (where.contains("flyway-core")) flywayCore = plugins(url);
            else if (!where.startsWith("jar:")) bots = plugins(url);
        }
        assertThat(flywayCore).as("flyway-core's list on the class path").isNotNull().contains(H2);
        assertThat(bots).as("the bot's list in src/main/resources").isNotNull().doesNotContain(H2);
        List<String> expected = new ArrayList<>(flywayCore);
        expected.remove(H2);
        assertThat(bots).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> plugins(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
