package dev.supportbot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The shaded jar holds no H2 class: neither the H2 database nor the H2 extras of Jdbi, Quartz and Flyway. */
class JarContentsIT {
    private static final Path JAR = Path.of("target", "supportbot.jar").toAbsolutePath();

    @Test
    void no_h2_class_or_plug_in_is_in_the_jar() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> h2 = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.matches("(?i)(.*/)?h2/.*|org/h2/.*|.*tables_h2\\.sql")).toList();
            assertThat(h2).isEmpty();
            ZipEntry plugins = jar.getEntry("META-INF/services/org.flywaydb.core.extensibility.Plugin");
            List<String> named = new String(jar.getInputStream(plugins).readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            assertThat(named).anyMatch(line -> line.endsWith("PostgreSQLDatabaseType")).noneMatch(line -> line.contains("H2"));
        }
    }
}
